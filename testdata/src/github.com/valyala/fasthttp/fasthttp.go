// Package fasthttp is a minimal stub of github.com/valyala/fasthttp, as
// far as the fiber v2 stub needs it.
package fasthttp

// RequestCtx contains incoming request and manages outgoing response.
type RequestCtx struct {
	id uint64
}

// RequestHandler must process incoming requests.
type RequestHandler func(ctx *RequestCtx)

// HostClient balances http requests among hosts listed in Addr.
type HostClient struct {
	Addr string
	Name string
}
