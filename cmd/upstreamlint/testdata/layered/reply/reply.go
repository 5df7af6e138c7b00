// Package reply answers every request with 200 and a business code in
// the body: the convention of many admin back-ends.
package reply

import (
	"encoding/json"
	"net/http"
)

type Body struct {
	Code int    `json:"code"`
	Msg  string `json:"msg"`
	Data any    `json:"data"`
}

// Send writes the code its callers give it into a 200 envelope; the
// handlers of two packages call it, and only one of them also passes the
// success code, 0.
func Send(w http.ResponseWriter, code int, msg string) {
	w.WriteHeader(http.StatusOK)
	json.NewEncoder(w).Encode(Body{Code: code, Msg: msg})
}
