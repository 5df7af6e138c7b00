package keys

import (
	"encoding/json"
	"net/http"
)

// With -softerror.errorkeys=problem, {"problem": …} is an error-only body
// and {"error": …} no longer is.
func badConfiguredKey(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]string{"problem": "quota exceeded", "detail": "x"}) // want `error-only body`
}

func goodDefaultKeyReplaced(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]string{"error": "quota exceeded"})
}
