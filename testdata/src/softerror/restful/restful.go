// Package restful: go-restful answers 200 unless a status is written.
package restful

import (
	"net/http"

	"github.com/emicklei/go-restful/v3"
)

func lookup(req *restful.Request, resp *restful.Response) {
	if req.QueryParameter("id") == "" {
		resp.WriteEntity(map[string]string{"error": "id is required"}) // want `error-only body map\[string\]string is sent with status 200 \(no status written on this path\); write an error status first`
		return
	}
	resp.WriteHeaderAndEntity(http.StatusOK, map[string]any{"success": false, "message": "not found"}) // want `failure envelope map\[string\]any \(success: false\) is sent with explicit status 200`
}

func withStatus(req *restful.Request, resp *restful.Response) {
	resp.WriteHeaderAndEntity(http.StatusNotFound, map[string]string{"error": "not found"})
}
