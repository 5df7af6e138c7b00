// Package connect is a minimal stub of github.com/bufbuild/connect-go v1.10.0
// (Connect before its move to connectrpc.com/connect, the same API)
// for analysistest: every declaration has the real package's signature;
// bodies are trivial. Declarations the tests do not need are omitted.
package connect

import (
	"context"
	"net/http"
)

// Request is a request message with its metadata.
type Request[T any] struct {
	Msg *T
}

// Response is a response message with its metadata.
type Response[T any] struct {
	Msg *T
}

// NewRequest wraps a generated request message.
func NewRequest[T any](message *T) *Request[T] { return &Request[T]{Msg: message} }

// NewResponse wraps a generated response message.
func NewResponse[T any](message *T) *Response[T] { return &Response[T]{Msg: message} }

// A Code is one of the Connect protocol's error codes.
type Code uint32

const (
	CodeUnknown     Code = 2
	CodeNotFound    Code = 5
	CodeInternal    Code = 13
	CodeUnavailable Code = 14
)

// An Error captures four key pieces of information: a Code, an
// underlying Go error, a map of metadata, and an optional collection of
// arbitrary Protobuf messages called "details".
type Error struct {
	code Code
	err  error
}

// NewError annotates any Go error with a status code.
func NewError(c Code, underlying error) *Error { return &Error{code: c, err: underlying} }

// CodeOf returns the error's status code if it is or wraps an *Error and
// CodeUnknown otherwise.
func CodeOf(err error) Code { return CodeUnknown }

func (e *Error) Error() string   { return "" }
func (e *Error) Message() string { return "" }
func (e *Error) Unwrap() error   { return e.err }
func (e *Error) Code() Code      { return e.code }

// HTTPClient is the interface connect expects HTTP clients to implement.
type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

// A ClientOption configures a Client.
type ClientOption interface{}

// Client is a reusable, concurrency-safe client for a single procedure.
type Client[Req, Res any] struct{}

// NewClient constructs a new Client.
func NewClient[Req, Res any](httpClient HTTPClient, url string, options ...ClientOption) *Client[Req, Res] {
	return &Client[Req, Res]{}
}

// CallUnary calls a request-response procedure.
func (c *Client[Req, Res]) CallUnary(ctx context.Context, request *Request[Req]) (*Response[Res], error) {
	return nil, nil
}
