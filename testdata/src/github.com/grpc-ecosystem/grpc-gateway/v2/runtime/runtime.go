// Package runtime is a minimal stub of
// github.com/grpc-ecosystem/grpc-gateway/v2/runtime v2.33.0 for
// analysistest: every declaration has the real package's signature;
// bodies are trivial. Declarations the tests do not need are omitted.
package runtime

import (
	"context"
	"net/http"

	"google.golang.org/grpc/codes"
)

// ErrorHandlerFunc is the signature used to configure error handling.
type ErrorHandlerFunc func(context.Context, *ServeMux, Marshaler, http.ResponseWriter, *http.Request, error)

// HandlerFunc handles a specific pair of path pattern and HTTP method.
type HandlerFunc func(w http.ResponseWriter, r *http.Request, pathParams map[string]string)

// ServeMuxOption is an option that can be given to a ServeMux on construction.
type ServeMuxOption func(*ServeMux)

// ServeMux is a request multiplexer for grpc-gateway.
type ServeMux struct {
	errorHandler ErrorHandlerFunc
}

// Marshaler defines a conversion between byte sequence and gRPC payloads / fields.
type Marshaler interface {
	Marshal(v interface{}) ([]byte, error)
}

// HTTPStatusFromCode converts a gRPC error code into the corresponding HTTP response status.
func HTTPStatusFromCode(code codes.Code) int {
	switch code {
	case codes.OK:
		return http.StatusOK
	case codes.NotFound:
		return http.StatusNotFound
	case codes.Unavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// HTTPError uses the mux-configured error handler.
func HTTPError(ctx context.Context, mux *ServeMux, marshaler Marshaler, w http.ResponseWriter, r *http.Request, err error) {
}

// DefaultHTTPErrorHandler is the default error handler.
func DefaultHTTPErrorHandler(ctx context.Context, mux *ServeMux, marshaler Marshaler, w http.ResponseWriter, r *http.Request, err error) {
}

// WithErrorHandler returns a ServeMuxOption for configuring a custom error handler.
func WithErrorHandler(fn ErrorHandlerFunc) ServeMuxOption { return nil }

// NewServeMux returns a new ServeMux whose internal mapping is empty.
func NewServeMux(opts ...ServeMuxOption) *ServeMux { return &ServeMux{} }

func (s *ServeMux) HandlePath(meth string, pathPattern string, h HandlerFunc) error { return nil }
func (s *ServeMux) ServeHTTP(w http.ResponseWriter, r *http.Request)                {}
