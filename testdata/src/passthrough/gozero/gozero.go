// Package gozero: go-zero handlers answer through httpx.
package gozero

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest/httpx"
)

var client = &http.Client{}

func forward(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		httpx.WriteJson(w, http.StatusBadGateway, map[string]string{"error": "inventory unavailable"})
		return
	}
	defer resp.Body.Close()
	httpx.WriteJsonCtx(r.Context(), w, resp.StatusCode, map[string]bool{"ok": true}) // want `upstream status resp.StatusCode is forwarded to the client; map it to a status of this service`
}

func mapped(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		httpx.WriteJson(w, http.StatusBadGateway, nil)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 {
		httpx.WriteJson(w, http.StatusBadGateway, nil)
		return
	}
	httpx.OkJson(w, map[string]bool{"ok": true})
}
