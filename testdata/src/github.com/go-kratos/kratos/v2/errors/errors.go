// Package errors is a minimal stub of github.com/go-kratos/kratos/v2/errors
// v2.8.3 for analysistest: every declaration has the real package's
// signature; bodies are trivial. Declarations the tests do not need are
// omitted.
package errors

import "google.golang.org/grpc/status"

// Status is the error's code, reason and message.
type Status struct {
	Code    int32  `protobuf:"varint,1,opt,name=code,proto3" json:"code,omitempty"`
	Reason  string `protobuf:"bytes,2,opt,name=reason,proto3" json:"reason,omitempty"`
	Message string `protobuf:"bytes,3,opt,name=message,proto3" json:"message,omitempty"`
}

// Error is a status error.
type Error struct {
	Status
	cause error
}

func (e *Error) Error() string                { return e.Message }
func (e *Error) GRPCStatus() *status.Status   { return nil }
func (e *Error) Unwrap() error                { return e.cause }
func (e *Error) WithCause(cause error) *Error { return &Error{Status: e.Status, cause: cause} }

// New returns an error object for the code, message.
func New(code int, reason, message string) *Error {
	return &Error{Status: Status{Code: int32(code), Reason: reason, Message: message}}
}

// Newf New(code fmt.Sprintf(format, a...))
func Newf(code int, reason, format string, a ...interface{}) *Error { return New(code, reason, format) }

// Code returns the http code for an error.
func Code(err error) int { return int(FromError(err).Code) }

// FromError try to convert an error to *Error: as kratos does, a plain
// error becomes an unknown error whose message is its text.
func FromError(err error) *Error {
	if se, ok := err.(*Error); ok {
		return se
	}
	return New(500, "", err.Error())
}

// BadRequest new BadRequest error that is mapped to a 400 response.
func BadRequest(reason, message string) *Error { return New(400, reason, message) }

// NotFound new NotFound error that is mapped to a 404 response.
func NotFound(reason, message string) *Error { return New(404, reason, message) }

// InternalServer new InternalServer error that is mapped to a 500 response.
func InternalServer(reason, message string) *Error { return New(500, reason, message) }

// ServiceUnavailable new ServiceUnavailable error that is mapped to an HTTP 503 response.
func ServiceUnavailable(reason, message string) *Error { return New(503, reason, message) }
