// Package branchkeys reproduces a false positive seen on a held-out
// service: a handler fills one response map on several paths. The branch
// that stores "error" writes it with 500 and returns; the path that
// reaches the 200 write stores only "status". The keys of a map are those
// stored on a path to the write, and an error key must be stored on every
// path to it.
package branchkeys

import (
	"encoding/json"
	"errors"
	"net/http"
)

var errNotFound = errors.New("not found")

func lookup(r *http.Request) (string, error) {
	resp, err := http.Get("http://keys.internal/v1/" + r.URL.Query().Get("id"))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Header.Get("X-Key"), nil
}

func respondJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// goodBranchReturns: the "error" key never reaches the 200 write.
func goodBranchReturns(w http.ResponseWriter, r *http.Request) {
	resp := map[string]any{}
	key, err := lookup(r)
	if err != nil && !errors.Is(err, errNotFound) {
		resp["error"] = "lookup failed"
		resp["status"] = false
		respondJSON(w, http.StatusInternalServerError, resp)
		return
	}
	resp["status"] = key != ""
	respondJSON(w, http.StatusOK, resp)
}

// goodErrorOnSomePaths: on the success path the body is {"status": true}.
func goodErrorOnSomePaths(w http.ResponseWriter, r *http.Request) {
	resp := map[string]any{}
	if _, err := lookup(r); err != nil {
		resp["error"] = "lookup failed"
	}
	resp["status"] = true
	respondJSON(w, http.StatusOK, resp)
}

// badErrorOnEveryPath: the error key is stored on every path to the write.
func badErrorOnEveryPath(w http.ResponseWriter, r *http.Request) {
	resp := map[string]any{}
	if _, err := lookup(r); err != nil {
		resp["error"] = "lookup failed"
		respondJSON(w, http.StatusOK, resp) // want `error-only body map\[string\]any is sent with explicit status 200`
		return
	}
	resp["status"] = true
	respondJSON(w, http.StatusOK, resp)
}
