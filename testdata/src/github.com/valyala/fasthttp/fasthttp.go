// Package fasthttp is a minimal stub of github.com/valyala/fasthttp v1.69.0
// for analysistest: every declaration has the real package's signature;
// bodies are trivial. Declarations the tests do not need are omitted.
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

// Body returns response body.
func (resp *Response) Body() []byte { return resp.body }

// Request represents HTTP request.
type Request struct {
	body []byte
}

// SetRequestURI sets RequestURI.
func (req *Request) SetRequestURI(requestURI string) {}

// AcquireRequest returns an empty Request instance from request pool.
func AcquireRequest() *Request { return &Request{} }

// AcquireResponse returns an empty Response instance from response pool.
func AcquireResponse() *Response { return &Response{} }

// ReleaseResponse return resp acquired via AcquireResponse to response pool.
func ReleaseResponse(resp *Response) {}

// Do performs the given http request and fills the given http response.
func (c *Client) Do(req *Request, resp *Response) error { return nil }

// Do performs the given http request and fills the given http response.
func Do(req *Request, resp *Response) error { return nil }

// Client implements http client.
type Client struct {
	Name string
}

// Args represents query arguments.
type Args struct {
	noCopy struct{}
}

// SetStatusCode sets response status code.
func (ctx *RequestCtx) SetStatusCode(statusCode int) {}

// Error sets response status code to the given value and sets response body to the given message.
func (ctx *RequestCtx) Error(msg string, statusCode int) {}

// Success sets response Content-Type and body to the given values.
func (ctx *RequestCtx) Success(contentType string, body []byte) {}

// SetBodyString sets response body to the given value.
func (ctx *RequestCtx) SetBodyString(body string) {}

// WriteString appends s to response body.
func (ctx *RequestCtx) WriteString(s string) (int, error) { return len(s), nil }

// Get returns the status code and body of url.
func Get(dst []byte, url string) (statusCode int, body []byte, err error) { return 0, nil, nil }

// Get returns the status code and body of url.
func (c *Client) Get(dst []byte, url string) (statusCode int, body []byte, err error) {
	return 0, nil, nil
}

// SuccessString sets response Content-Type and body to the given values.
func (ctx *RequestCtx) SuccessString(contentType, body string) {}
