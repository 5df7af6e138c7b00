// Package builder: response helpers that answer through a builder whose
// status and body are set by chained setters (a shape of a real feed
// reader, where one such helper has hundreds of callers).
package builder

import (
	"encoding/json"
	"net/http"
)

type Builder struct {
	w          http.ResponseWriter
	statusCode int
	headers    map[string]string
	body       []byte
}

func NewBuilder(w http.ResponseWriter) *Builder {
	return &Builder{w: w, statusCode: http.StatusOK, headers: make(map[string]string)}
}

func (b *Builder) WithStatus(code int) *Builder {
	b.statusCode = code
	return b
}

func (b *Builder) WithHeader(k, v string) *Builder {
	b.headers[k] = v
	return b
}

func (b *Builder) WithBody(body []byte) *Builder {
	b.body = body
	return b
}

func (b *Builder) Write() {
	for k, v := range b.headers {
		b.w.Header().Set(k, v)
	}
	b.w.WriteHeader(b.statusCode)
	b.w.Write(b.body)
}

type errorMessage struct {
	Message string `json:"error_message"`
}

func errorBody(err error) []byte {
	data, _ := json.Marshal(errorMessage{Message: err.Error()})
	return data
}

// ServerError sends the error's text with a 500 set on the builder: the
// helper's finding, once.
func ServerError(w http.ResponseWriter, err error) {
	NewBuilder(w).WithStatus(http.StatusInternalServerError).WithHeader("Content-Type", "application/json").WithBody(errorBody(err)).Write() // want `error text of err is sent with status 500`
}

// BadRequest sends it with a 400: meant for the caller.
func BadRequest(w http.ResponseWriter, err error) {
	NewBuilder(w).WithStatus(http.StatusBadRequest).WithBody(errorBody(err)).Write()
}

// OK sends a body with the builder's default status.
func OK(w http.ResponseWriter, body []byte) {
	NewBuilder(w).WithBody(body).Write()
}
