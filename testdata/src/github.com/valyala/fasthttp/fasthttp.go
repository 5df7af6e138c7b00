// Package fasthttp is a minimal stub of github.com/valyala/fasthttp, as
// far as the fiber v2 stub needs it.
package fasthttp

import "io"

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

// Write writes p into response body.
func (ctx *RequestCtx) Write(p []byte) (int, error) { return len(p), nil }

// Response represents HTTP response.
type Response struct {
	body []byte
}

// BodyWriter returns writer for populating response body.
func (resp *Response) BodyWriter() io.Writer { return nil }

// StatusCode returns response status code.
func (resp *Response) StatusCode() int { return 0 }
