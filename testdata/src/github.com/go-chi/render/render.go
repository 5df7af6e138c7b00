// Package render is a minimal stub of github.com/go-chi/render v1.0.3 for
// analysistest: every declaration has the real package's signature (Respond
// and Decode are package-level variables of function type, as in the real
// package); bodies are trivial.
package render

import (
	"net/http"
)

// Renderer interface for managing response payloads.
type Renderer interface {
	Render(w http.ResponseWriter, r *http.Request) error
}

// Binder interface for managing request payloads.
type Binder interface {
	Bind(r *http.Request) error
}

// Bind decodes a request body and executes the Binder method of the
// payload structure.
func Bind(r *http.Request, v Binder) error { return nil }

// Render renders a single payload and respond to the client request.
func Render(w http.ResponseWriter, r *http.Request, v Renderer) error { return nil }

// RenderList renders a slice of payloads and responds to the client request.
func RenderList(w http.ResponseWriter, r *http.Request, l []Renderer) error { return nil }

// contextKey is a value for use with context.WithValue.
type contextKey struct {
	name string
}

func (k *contextKey) String() string { return "chi render context value " + k.name }
