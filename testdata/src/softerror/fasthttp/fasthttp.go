// Package fasthttp: fasthttp answers 200 unless a status is set.
package fasthttp

import (
	"net/http"

	"github.com/valyala/fasthttp"
)

func lookup(ctx *fasthttp.RequestCtx, id string) {
	if id == "" {
		ctx.SuccessString("application/json", `{"error":"id is required"}`) // want `error text .* is sent with explicit status 200`
		return
	}
	ctx.SetStatusCode(http.StatusNoContent)
}

func noStatus(ctx *fasthttp.RequestCtx) {
	ctx.SetBodyString(`{"error":"not found"}`) // want `error text .* is sent with status 200 \(no status written on this path\); write an error status first`
}

func withStatus(ctx *fasthttp.RequestCtx) {
	ctx.Error(`{"error":"not found"}`, http.StatusNotFound)
}
