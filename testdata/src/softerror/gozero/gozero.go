// Package gozero: httpx.OkJson sends 200.
package gozero

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest/httpx"
)

func lookup(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("id") == "" {
		httpx.OkJson(w, map[string]string{"error": "id is required"}) // want `error-only body map\[string\]string is sent with explicit status 200; use an error status`
		return
	}
	httpx.WriteJson(w, http.StatusOK, map[string]any{"success": false, "message": "not found"}) // want `failure envelope map\[string\]any \(success: false\) is sent with explicit status 200`
}

func withStatus(w http.ResponseWriter, r *http.Request) {
	httpx.WriteJson(w, http.StatusNotFound, map[string]string{"error": "not found"})
}
