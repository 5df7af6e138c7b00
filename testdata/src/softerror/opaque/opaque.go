// Package opaque hands the writer to an interface of its own, whose
// implementation lives elsewhere: it may have written the status, so
// one package at a time the body after it is not judged. (The whole
// program resolves it: cmd/upstreamlint/testdata/layered.)
package opaque

import (
	"encoding/json"
	"net/http"
)

type StatusWriter interface {
	Fail(w http.ResponseWriter, code int)
}

type Handler struct {
	Status StatusWriter
	Log    func(msg string)
}

func (h *Handler) Quota(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("user") == "" {
		h.Status.Fail(w, http.StatusTooManyRequests)
		json.NewEncoder(w).Encode(map[string]string{"error": "quota exceeded"})
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// A dynamic call not handed the writer changes nothing: reported.
func (h *Handler) Logged(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("user") == "" {
		h.Log("no user")
		json.NewEncoder(w).Encode(map[string]string{"error": "no user"}) // want `error-only body map\[string\]string is sent with status 200 \(no status written on this path\)`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
