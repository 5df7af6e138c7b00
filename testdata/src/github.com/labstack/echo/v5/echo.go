// Package echo is a minimal stub of github.com/labstack/echo/v5 v5.4.4
// for analysistest: every declaration has the real package's signature
// and receiver kind; bodies are trivial. Declarations the tests do not
// need are omitted.
package echo

import (
	"io"
	"mime/multipart"
	"net/http"
)

// Echo is the top-level framework instance.
type Echo struct {
	HTTPErrorHandler HTTPErrorHandler
}

// Config is the configuration of NewWithConfig.
type Config struct {
	HTTPErrorHandler HTTPErrorHandler
}

// Context represents the context of the current HTTP request.
type Context struct {
	request  *http.Request
	response http.ResponseWriter
}

// Response wraps an http.ResponseWriter.
type Response struct {
	http.ResponseWriter
	Status    int
	Size      int64
	Committed bool
}

// RouteInfo describes a route.
type RouteInfo struct {
	Name   string
	Method string
	Path   string
}

// HTTPError represents an error that occurred while handling a request.
type HTTPError struct {
	Code    int    `json:"-"`
	Message string `json:"message"`
	err     error
}

// HandlerFunc defines a function to serve HTTP requests.
type HandlerFunc func(c *Context) error

// MiddlewareFunc defines a function to process middleware.
type MiddlewareFunc func(next HandlerFunc) HandlerFunc

// HTTPErrorHandler is a centralized HTTP error handler.
type HTTPErrorHandler func(c *Context, err error)

// DefaultBinder is the default binder.
type DefaultBinder struct{}

// New creates an instance of Echo.
func New() *Echo { return &Echo{} }

// NewWithConfig creates an instance of Echo with the configuration.
func NewWithConfig(config Config) *Echo { return &Echo{} }

// DefaultHTTPErrorHandler creates the default HTTP error handler.
func DefaultHTTPErrorHandler(exposeError bool) HTTPErrorHandler { return nil }

// NewHTTPError creates a new instance of HTTPError.
func NewHTTPError(code int, message string) *HTTPError {
	return &HTTPError{Code: code, Message: message}
}

func (he *HTTPError) StatusCode() int { return he.Code }
func (he *HTTPError) Error() string   { return he.Message }
func (he HTTPError) Wrap(err error) error {
	return &HTTPError{Code: he.Code, Message: he.Message, err: err}
}
func (he *HTTPError) Unwrap() error { return he.err }

func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo  { return RouteInfo{} }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }
func (e *Echo) Start(address string) error                                     { return nil }

func (c *Context) Request() *http.Request                              { return c.request }
func (c *Context) Response() http.ResponseWriter                       { return c.response }
func (c *Context) Param(name string) string                            { return "" }
func (c *Context) QueryParam(name string) string                       { return "" }
func (c *Context) Get(key string) any                                  { return nil }
func (c *Context) Set(key string, val any)                             {}
func (c *Context) Bind(i any) error                                    { return nil }
func (c *Context) Validate(i any) error                                { return nil }
func (c *Context) FormFile(name string) (*multipart.FileHeader, error) { return nil, nil }
func (c *Context) JSON(code int, i any) (err error)                    { return nil }
func (c *Context) JSONBlob(code int, b []byte) (err error)             { return nil }
func (c *Context) XML(code int, i any) (err error)                     { return nil }
func (c *Context) String(code int, s string) (err error)               { return nil }
func (c *Context) HTML(code int, html string) (err error)              { return nil }
func (c *Context) Blob(code int, contentType string, b []byte) (err error) {
	return nil
}
func (c *Context) Stream(code int, contentType string, r io.Reader) (err error) {
	return nil
}
func (c *Context) NoContent(code int) error            { return nil }
func (c *Context) Redirect(code int, url string) error { return nil }

func (r *Response) WriteHeader(code int)              {}
func (r *Response) Write(b []byte) (n int, err error) { return 0, nil }

// BindBody binds the request body.
func BindBody(c *Context, target any) (err error) { return nil }

// BindQueryParams binds the query parameters.
func BindQueryParams(c *Context, target any) error { return nil }

func (b *DefaultBinder) Bind(c *Context, target any) error { return nil }
