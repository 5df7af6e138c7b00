// Package middleware is a stub of github.com/go-openapi/runtime/middleware.
package middleware

import (
	"net/http"

	"github.com/go-openapi/runtime"
)

type Responder interface {
	WriteResponse(http.ResponseWriter, runtime.Producer)
}
