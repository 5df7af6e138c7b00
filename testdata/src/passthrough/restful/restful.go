// Package restful: go-restful route functions answer through
// *restful.Response.
package restful

import (
	"net/http"

	"github.com/emicklei/go-restful/v3"
)

var client = &http.Client{}

func forward(req *restful.Request, resp *restful.Response) {
	r, err := client.Get("http://inventory.internal/items/" + req.PathParameter("id"))
	if err != nil {
		resp.WriteErrorString(http.StatusBadGateway, "inventory unavailable")
		return
	}
	defer r.Body.Close()
	resp.WriteHeaderAndEntity(r.StatusCode, map[string]bool{"ok": true}) // want `upstream status r.StatusCode is forwarded to the client; map it to a status of this service`
}

func mapped(req *restful.Request, resp *restful.Response) {
	r, err := client.Get("http://inventory.internal/items")
	if err != nil {
		resp.WriteErrorString(http.StatusBadGateway, "inventory unavailable")
		return
	}
	defer r.Body.Close()
	if r.StatusCode >= 500 {
		resp.WriteHeader(http.StatusBadGateway)
		return
	}
	resp.WriteEntity(map[string]bool{"ok": true})
}
