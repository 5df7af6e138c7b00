// Package successcode reproduces a false positive seen on a held-out
// repository of examples: a handler answers 200 with {"code": 200,
// "error": "Welcome server 01"}, a misnamed key in a success body. A body
// that states success with a constant (a status-like key holding a 1xx–3xx
// code, a success flag holding true) is not an error answer, whatever its
// error key holds.
package successcode

import (
	"encoding/json"
	"net/http"
)

func goodCodeSaysOK(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	json.NewEncoder(w).Encode(map[string]any{"code": http.StatusOK, "error": "Welcome server 01"})
}

func goodSuccessFlag(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]any{"success": true, "error": ""})
}

func badCodeSaysError(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]any{"code": http.StatusBadGateway, "error": "upstream failed"}) // want `error-only body map\[string\]any is sent with status 200`
}

func badSuccessFalse(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]any{"success": false, "error": "upstream failed"}) // want `error-only body map\[string\]any is sent with status 200`
}
