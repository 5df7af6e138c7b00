package handler

import (
	"encoding/json"
	"net/http"
)

// StatusWriter is implemented in package respond.
type StatusWriter interface {
	Fail(w http.ResponseWriter, code int)
}

type Soft struct{ Status StatusWriter }

// Quota writes its error status through the interface, then the body:
// not a 200 with an error, which only the whole program shows.
func (s *Soft) Quota(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("user") == "" {
		s.Status.Fail(w, http.StatusTooManyRequests)
		json.NewEncoder(w).Encode(map[string]string{"error": "quota exceeded"})
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// HeaderSetter is implemented in package respond; its implementation
// writes no status.
type HeaderSetter interface {
	Touch(w http.ResponseWriter)
}

type Quiet struct{ Headers HeaderSetter }

// Export answers 200 with an error: the whole program shows that Touch
// writes no status; one package at a time, Touch might have.
func (q *Quiet) Export(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("format") != "csv" {
		q.Headers.Touch(w)
		json.NewEncoder(w).Encode(map[string]string{"error": "unsupported format"})
		return
	}
	w.Write([]byte("id,name\n"))
}
