// Package rangecopy: a miss seen on a real storefront: the template data
// of every page is the page's map merged, by a range loop, into a map of
// common values. The copy drops what the values carry.
package rangecopy

import (
	"encoding/json"
	"net/http"
)

var client = &http.Client{}

func withCommon(r *http.Request, payload map[string]any) map[string]any {
	data := map[string]any{"request_id": r.Header.Get("X-Request-Id")}
	for k, v := range payload {
		data[k] = v
	}
	return data
}

func productPage(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://catalog.internal/v1/products/1")
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		json.NewEncoder(w).Encode(withCommon(r, map[string]any{"error": err.Error()})) // want `dependency error`
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(http.StatusNoContent)
}
