// Package restful is a minimal stub of github.com/emicklei/go-restful/v3
// v3.14.0 for analysistest: every declaration has the real package's
// signature and receiver kind; bodies are trivial. Declarations the tests
// do not need are omitted.
package restful

import "net/http"

// Request is a wrapper for a http Request.
type Request struct {
	Request *http.Request
}

// Response is a wrapper on the actual http ResponseWriter.
type Response struct {
	http.ResponseWriter
}

// RouteFunction declares the signature of a function that can be bound to a Route.
type RouteFunction func(*Request, *Response)

func (r *Request) PathParameter(name string) string                 { return "" }
func (r *Request) QueryParameter(name string) string                { return "" }
func (r *Request) ReadEntity(entityPointer interface{}) (err error) { return nil }

func (r *Response) WriteEntity(value interface{}) error                      { return nil }
func (r *Response) WriteHeaderAndEntity(status int, value interface{}) error { return nil }
func (r *Response) WriteAsJson(value interface{}) error                      { return nil }
func (r *Response) WriteHeaderAndJson(status int, value interface{}, contentType string) error {
	return nil
}
func (r *Response) WriteError(httpStatus int, err error) (writeErr error)     { return nil }
func (r *Response) WriteErrorString(httpStatus int, errorReason string) error { return nil }
func (r *Response) WriteHeader(httpStatus int)                                {}
func (r *Response) Write(bytes []byte) (int, error)                           { return 0, nil }
