// Package fasthttp: fasthttp handlers answer through *fasthttp.RequestCtx.
package fasthttp

import (
	"net/http"

	"github.com/valyala/fasthttp"
)

var client = &fasthttp.Client{}

func forward(ctx *fasthttp.RequestCtx) {
	code, body, err := client.Get(nil, "http://inventory.internal/items")
	if err != nil {
		ctx.Error("inventory unavailable", http.StatusBadGateway)
		return
	}
	ctx.SetStatusCode(code) // want `upstream status code is forwarded to the client; map it to a status of this service`
	ctx.SetBodyString(summary(body))
}

func summary(b []byte) string { return "items: " + string(rune(len(b))) }

// proxy forwards the upstream's status and body whole.
func proxy(ctx *fasthttp.RequestCtx) {
	code, body, err := client.Get(nil, "http://inventory.internal/items")
	if err != nil {
		ctx.Error("inventory unavailable", http.StatusBadGateway)
		return
	}
	ctx.SetStatusCode(code)
	_, _ = ctx.Write(body)
}

func forwardError(ctx *fasthttp.RequestCtx) {
	code, _, err := fasthttp.Get(nil, "http://inventory.internal/items")
	if err != nil || code != http.StatusOK {
		ctx.Error("inventory failed", code) // want `upstream status code is forwarded`
		return
	}
	ctx.SetStatusCode(http.StatusNoContent)
}

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
	ctx.SetStatusCode(resp.StatusCode()) // want `upstream status resp.StatusCode\(\) is forwarded`
	ctx.SetBodyString(summary(resp.Body()))
}

// doMapped maps the upstream's status.
func doMapped(ctx *fasthttp.RequestCtx) {
	var resp fasthttp.Response
	if err := fasthttp.Do(fasthttp.AcquireRequest(), &resp); err != nil || resp.StatusCode() != http.StatusOK {
		ctx.Error("inventory unavailable", http.StatusBadGateway)
		return
	}
	ctx.SetStatusCode(http.StatusNoContent)
}
