// Package writerparam: a miss seen on a real product API: the JSON helper
// takes an io.Writer, so inside it the writer is not known to be the
// client's; the handler passes its ResponseWriter.
package writerparam

import (
	"encoding/json"
	"io"
	"net/http"
)

type GenericError struct {
	Message string `json:"message"`
}

// ToJSON serializes v into w.
func ToJSON(v any, w io.Writer) error {
	return json.NewEncoder(w).Encode(v)
}

func listProducts(rw http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://currency.internal/v1/rates")
	if err != nil {
		rw.WriteHeader(http.StatusInternalServerError)
		ToJSON(&GenericError{Message: err.Error()}, rw) // want `dependency error`
		return
	}
	defer resp.Body.Close()
	rw.WriteHeader(http.StatusNoContent)
}
