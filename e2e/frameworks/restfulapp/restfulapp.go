// Package restfulapp has route functions written against the real
// go-restful v3 module.
package restfulapp

import (
	"net/http"

	"github.com/emicklei/go-restful/v3"
)

var client = &http.Client{}

// WebService builds the routes.
func WebService() *restful.WebService {
	ws := new(restful.WebService)
	ws.Route(ws.GET("/restful/status").To(forwardStatus))
	ws.Route(ws.GET("/restful/leak").To(leakText))
	ws.Route(ws.GET("/restful/soft").To(soft))
	ws.Route(ws.POST("/restful/mapped").To(mapped))
	return ws
}

func forwardStatus(req *restful.Request, resp *restful.Response) {
	r, err := client.Get("http://inventory.internal/items")
	if err != nil {
		resp.WriteErrorString(http.StatusBadGateway, "inventory unavailable")
		return
	}
	defer r.Body.Close()
	resp.WriteHeaderAndEntity(r.StatusCode, map[string]bool{"ok": true})
}

func leakText(req *restful.Request, resp *restful.Response) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		resp.WriteError(http.StatusBadGateway, err)
		return
	}
	resp.WriteHeader(http.StatusNoContent)
}

func soft(req *restful.Request, resp *restful.Response) {
	if req.QueryParameter("id") == "" {
		resp.WriteEntity(map[string]string{"error": "id is required"})
		return
	}
	resp.WriteHeader(http.StatusNoContent)
}

type item struct{ ID string }

// mapped answers with statuses of its own, and the client's read error.
func mapped(req *restful.Request, resp *restful.Response) {
	var it item
	if err := req.ReadEntity(&it); err != nil {
		resp.WriteError(http.StatusInternalServerError, err)
		return
	}
	r, err := client.Get("http://inventory.internal/items/" + it.ID)
	if err != nil {
		resp.WriteErrorString(http.StatusBadGateway, "inventory unavailable")
		return
	}
	defer r.Body.Close()
	if r.StatusCode >= 500 {
		resp.WriteHeader(http.StatusBadGateway)
		return
	}
	resp.WriteEntity(it)
}
