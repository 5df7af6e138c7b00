// Package restful: dependency errors sent by go-restful route functions.
package restful

import (
	"net/http"

	"github.com/emicklei/go-restful/v3"
)

var client = &http.Client{}

type order struct{ ID string }

func leakError(req *restful.Request, resp *restful.Response) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		resp.WriteError(http.StatusBadGateway, err) // want `dependency error err is sent to the client; log it and send a generic message`
		return
	}
	resp.WriteHeader(http.StatusNoContent)
}

func leakString(req *restful.Request, resp *restful.Response) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		resp.WriteErrorString(http.StatusBadGateway, err.Error()) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	resp.WriteHeader(http.StatusNoContent)
}

// read: the client's own input
func read(req *restful.Request, resp *restful.Response) {
	var o order
	if err := req.ReadEntity(&o); err != nil {
		resp.WriteError(http.StatusInternalServerError, err)
		return
	}
	resp.WriteEntity(o)
}
