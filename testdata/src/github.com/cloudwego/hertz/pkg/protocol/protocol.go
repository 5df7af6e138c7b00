// Package protocol is a minimal stub of
// github.com/cloudwego/hertz/pkg/protocol v0.10.4 for analysistest:
// every declaration has the real package's signature; bodies are
// trivial. Declarations the tests do not need are omitted.
package protocol

// Request represents HTTP request.
type Request struct {
	uri string
}

// Response represents HTTP response.
type Response struct {
	statusCode int
	body       []byte
}

// AcquireRequest returns an empty Request instance from request pool.
func AcquireRequest() *Request { return &Request{} }

// AcquireResponse returns an empty Response instance from response pool.
func AcquireResponse() *Response { return &Response{} }

// ReleaseResponse returns resp acquired via AcquireResponse to response pool.
func ReleaseResponse(resp *Response) {}

// SetRequestURI sets RequestURI.
func (req *Request) SetRequestURI(requestURI string) { req.uri = requestURI }

// StatusCode returns response status code.
func (resp *Response) StatusCode() int { return resp.statusCode }

// Body returns response body.
func (resp *Response) Body() []byte { return resp.body }

// BodyBytes returns body bytes.
func (resp *Response) BodyBytes() []byte { return resp.body }
