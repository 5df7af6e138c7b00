// Package fasthttp: dependency errors sent by fasthttp handlers.
package fasthttp

import (
	"net/http"

	"github.com/valyala/fasthttp"
)

var client = &fasthttp.Client{}

func leakError(ctx *fasthttp.RequestCtx) {
	if _, _, err := client.Get(nil, "http://inventory.internal/items"); err != nil {
		ctx.Error(err.Error(), http.StatusBadGateway) // want `dependency error err.Error\(\) is sent to the client; log it and send a generic message`
		return
	}
	ctx.SetStatusCode(http.StatusNoContent)
}

func leakBody(ctx *fasthttp.RequestCtx) {
	if _, _, err := fasthttp.Get(nil, "http://inventory.internal/items"); err != nil {
		ctx.SetStatusCode(http.StatusBadGateway)
		ctx.SetBodyString("inventory: " + err.Error()) // want `dependency error "inventory: " \+ err.Error\(\) is sent to the client`
		return
	}
	ctx.SetStatusCode(http.StatusNoContent)
}

func generic(ctx *fasthttp.RequestCtx) {
	if _, _, err := client.Get(nil, "http://inventory.internal/items"); err != nil {
		ctx.Error("inventory unavailable", http.StatusBadGateway)
		return
	}
	ctx.SetStatusCode(http.StatusNoContent)
}
