// Package http is a minimal stub of
// github.com/go-kratos/kratos/v2/transport/http v2.8.3 for analysistest.
package http

import (
	"context"
	"net/http"
)

// Context is an HTTP Context.
type Context interface {
	context.Context
	Request() *http.Request
	Response() http.ResponseWriter
	Bind(interface{}) error
	BindQuery(interface{}) error
	Result(int, interface{}) error
	JSON(int, interface{}) error
	String(int, string) error
}

// HandlerFunc defines a function to serve HTTP requests.
type HandlerFunc func(Context) error
