// Package echo is a minimal stub of github.com/labstack/echo/v4 v4.16.0
// for analysistest: every declaration has the real package's signature
// and receiver kind; bodies are trivial. Declarations the tests do not
// need are omitted (Context omits Logger and SetLogger).
package echo

import (
	"net/http"
)

// Echo is the top-level framework instance.
type Echo struct {
	Server           *http.Server
	HTTPErrorHandler HTTPErrorHandler
	Debug            bool
	HideBanner       bool
	HidePort         bool
}

// Route contains a handler and information for matching against requests.
type Route struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	Name   string `json:"name"`
}

// HTTPError represents an error that occurred while handling a request.
type HTTPError struct {
	Internal error       `json:"-"` // Stores the error returned by an external dependency
	Message  interface{} `json:"message"`
	Code     int         `json:"-"`
}

// MiddlewareFunc defines a function to process middleware.
type MiddlewareFunc func(next HandlerFunc) HandlerFunc

// HandlerFunc defines a function to serve HTTP requests.
type HandlerFunc func(c Context) error

// HTTPErrorHandler is a centralized HTTP error handler.
type HTTPErrorHandler func(err error, c Context)

// Map defines a generic map of type `map[string]interface{}`.
type Map map[string]interface{}

// MIME types
const (
	MIMEApplicationJSON = "application/json"
	MIMETextPlain       = "text/plain"
)

// Headers
const (
	HeaderContentType = "Content-Type"
)

// Errors
var (
	ErrBadRequest          = NewHTTPError(http.StatusBadRequest)
	ErrNotFound            = NewHTTPError(http.StatusNotFound)
	ErrInternalServerError = NewHTTPError(http.StatusInternalServerError)
	ErrBadGateway          = NewHTTPError(http.StatusBadGateway)
	ErrServiceUnavailable  = NewHTTPError(http.StatusServiceUnavailable)
)

// New creates an instance of Echo.
func New() (e *Echo) { return &Echo{} }

// DefaultHTTPErrorHandler is the default HTTP error handler.
func (e *Echo) DefaultHTTPErrorHandler(err error, c Context) {}

// Use adds middleware to the chain which is run after router.
func (e *Echo) Use(middleware ...MiddlewareFunc) {}

// GET registers a new GET route for a path with matching handler in the router
// with optional route-level middleware.
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return &Route{} }

// POST registers a new POST route for a path with matching handler in the
// router with optional route-level middleware.
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return &Route{} }

// ServeHTTP implements `http.Handler` interface, which serves HTTP requests.
func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

// Start starts an HTTP server.
func (e *Echo) Start(address string) error { return nil }

// NewHTTPError creates a new HTTPError instance.
func NewHTTPError(code int, message ...interface{}) *HTTPError {
	return &HTTPError{Code: code}
}

// Error makes it compatible with `error` interface.
func (he *HTTPError) Error() string { return "" }

// SetInternal sets error to HTTPError.Internal
func (he *HTTPError) SetInternal(err error) *HTTPError { return he }

// WithInternal returns clone of HTTPError with err set to HTTPError.Internal field
func (he *HTTPError) WithInternal(err error) *HTTPError { return he }

// Unwrap satisfies the Go 1.13 error wrapper interface.
func (he *HTTPError) Unwrap() error { return he.Internal }

// WrapHandler wraps `http.Handler` into `echo.HandlerFunc`.
func WrapHandler(h http.Handler) HandlerFunc { return nil }
