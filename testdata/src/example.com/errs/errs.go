// Package errs is a module's own error package: constructors that carry
// the HTTP status their name says.
package errs

import "net/http"

type AppError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *AppError) Error() string { return e.Message }

func InternalServerError(msg string) *AppError {
	return &AppError{Code: http.StatusInternalServerError, Message: msg}
}

func BadRequest(msg string) *AppError {
	return &AppError{Code: http.StatusBadRequest, Message: msg}
}
