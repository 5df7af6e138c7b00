// Package fasthttpapp has handlers written against the real fasthttp
// module.
package fasthttpapp

import (
	"net/http"

	"github.com/valyala/fasthttp"
)

var client = &fasthttp.Client{}

// Handler routes the requests.
func Handler(ctx *fasthttp.RequestCtx) {
	switch string(ctx.Path()) {
	case "/fasthttp/status":
		forwardStatus(ctx)
	case "/fasthttp/leak":
		leakText(ctx)
	case "/fasthttp/soft":
		soft(ctx)
	default:
		mapped(ctx)
	}
}

func forwardStatus(ctx *fasthttp.RequestCtx) {
	code, _, err := client.Get(nil, "http://inventory.internal/items")
	if err != nil {
		ctx.Error("inventory unavailable", http.StatusBadGateway)
		return
	}
	ctx.SetStatusCode(code)
}

func leakText(ctx *fasthttp.RequestCtx) {
	if _, _, err := fasthttp.Get(nil, "http://inventory.internal/items"); err != nil {
		ctx.Error(err.Error(), http.StatusBadGateway)
		return
	}
	ctx.SetStatusCode(http.StatusNoContent)
}

func soft(ctx *fasthttp.RequestCtx) {
	if len(ctx.QueryArgs().Peek("id")) == 0 {
		ctx.SuccessString("application/json", `{"error":"id is required"}`)
		return
	}
	ctx.SetStatusCode(http.StatusNoContent)
}

// mapped answers with statuses of its own.
func mapped(ctx *fasthttp.RequestCtx) {
	code, _, err := client.Get(nil, "http://inventory.internal/items")
	if err != nil || code >= 500 {
		ctx.Error("inventory unavailable", http.StatusBadGateway)
		return
	}
	ctx.SetStatusCode(http.StatusNoContent)
}

// doForward: Do fills the response it is given with the upstream's answer.
func doForward(ctx *fasthttp.RequestCtx) {
	req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	defer fasthttp.ReleaseResponse(resp)
	req.SetRequestURI("http://inventory.internal/items")
	if err := client.Do(req, resp); err != nil {
		ctx.Error("inventory unavailable", http.StatusBadGateway)
		return
	}
	ctx.SetStatusCode(resp.StatusCode())
}

// DoHandler routes the requests answered through Do.
func DoHandler(ctx *fasthttp.RequestCtx) { doForward(ctx) }
