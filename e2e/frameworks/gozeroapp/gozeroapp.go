// Package gozeroapp has handlers written against the real go-zero
// module: net/http handlers answering through rest/httpx, on a server
// this package creates, with httpx's default error handler.
package gozeroapp

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest"
	"github.com/zeromicro/go-zero/rest/httpx"
)

var client = &http.Client{}

type req struct {
	ID string `path:"id"`
}

// Start serves the routes.
func Start(c rest.RestConf) {
	s := rest.MustNewServer(c)
	defer s.Stop()
	s.AddRoutes([]rest.Route{
		{Method: http.MethodGet, Path: "/gozero/status", Handler: forwardStatus},
		{Method: http.MethodGet, Path: "/gozero/leak", Handler: leakText},
		{Method: http.MethodGet, Path: "/gozero/soft", Handler: soft},
		{Method: http.MethodGet, Path: "/gozero/returned", Handler: handed},
		{Method: http.MethodGet, Path: "/gozero/mapped/:id", Handler: mapped},
	})
	s.Start()
}

func forwardStatus(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		httpx.WriteJson(w, http.StatusBadGateway, nil)
		return
	}
	defer resp.Body.Close()
	httpx.WriteJsonCtx(r.Context(), w, resp.StatusCode, map[string]bool{"ok": true})
}

func leakText(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		httpx.WriteJson(w, http.StatusBadGateway, map[string]string{"error": err.Error()})
		return
	}
	httpx.Ok(w)
}

func soft(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("id") == "" {
		httpx.OkJson(w, map[string]string{"error": "id is required"})
		return
	}
	httpx.Ok(w)
}

// handed goes to httpx's default error handler: err.Error() with 400.
func handed(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		httpx.ErrorCtx(r.Context(), w, err)
		return
	}
	httpx.Ok(w)
}

// mapped answers with statuses of its own, and the client's parse error.
func mapped(w http.ResponseWriter, r *http.Request) {
	var q req
	if err := httpx.Parse(r, &q); err != nil {
		httpx.Error(w, err)
		return
	}
	resp, err := client.Get("http://inventory.internal/items/" + q.ID)
	if err != nil {
		httpx.WriteJson(w, http.StatusBadGateway, nil)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 {
		httpx.WriteJson(w, http.StatusBadGateway, nil)
		return
	}
	httpx.OkJsonCtx(r.Context(), w, q)
}
