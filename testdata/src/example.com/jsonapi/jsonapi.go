// Package jsonapi is a module's JSON:API error document, with
// constructors that carry their status (cozy-stack's pkg/jsonapi).
package jsonapi

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// Error is a JSON:API error object.
type Error struct {
	Status int    `json:"status,string"`
	Title  string `json:"title"`
	Detail string `json:"detail"`
}

func (e *Error) Error() string { return e.Detail }

// NotFound returns a 404 document with the error's text.
func NotFound(err error) *Error {
	return &Error{Status: http.StatusNotFound, Title: "Not Found", Detail: err.Error()}
}

// DataError writes the document with its status.
func DataError(c echo.Context, e *Error) error {
	return c.JSON(e.Status, map[string][]*Error{"errors": {e}})
}
