// Package httpx is a minimal stub of
// github.com/zeromicro/go-zero/rest/httpx v1.10.3 for analysistest.
package httpx

import (
	"context"
	"net/http"
)

// Error writes err into w.
func Error(w http.ResponseWriter, err error, fns ...func(w http.ResponseWriter, err error)) {}

// ErrorCtx writes err into w.
func ErrorCtx(ctx context.Context, w http.ResponseWriter, err error,
	fns ...func(w http.ResponseWriter, err error)) {
}

// Ok writes HTTP 200 OK into w.
func Ok(w http.ResponseWriter) {}

// OkJson writes v into w with 200 OK.
func OkJson(w http.ResponseWriter, v any) {}

// OkJsonCtx writes v into w with 200 OK.
func OkJsonCtx(ctx context.Context, w http.ResponseWriter, v any) {}

// SetErrorHandler sets the error handler, which is called on calling Error.
func SetErrorHandler(handler func(error) (int, any)) {}

// SetErrorHandlerCtx sets the error handler, which is called on calling Error.
func SetErrorHandlerCtx(handlerCtx func(context.Context, error) (int, any)) {}

// WriteJson writes v as json string into w with code.
func WriteJson(w http.ResponseWriter, code int, v any) {}

// WriteJsonCtx writes v as json string into w with code.
func WriteJsonCtx(ctx context.Context, w http.ResponseWriter, code int, v any) {}

// Parse parses the request.
func Parse(r *http.Request, v any) error { return nil }
