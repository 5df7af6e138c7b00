// Package servejson: a helper of another package that always writes a
// status before its error envelope answers with that status, not 200.
package servejson

import (
	"net/http"

	"softerror/realfp/servejson/errcode"
)

func authorize(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		if err := errcode.ServeJSON(w, errcode.ErrorCodeUnauthorized); err != nil {
			return
		}
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
