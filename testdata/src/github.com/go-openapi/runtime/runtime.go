// Package runtime is a stub of github.com/go-openapi/runtime.
package runtime

import "io"

type Producer interface {
	Produce(io.Writer, interface{}) error
}

type ProducerFunc func(io.Writer, interface{}) error

func (f ProducerFunc) Produce(w io.Writer, v interface{}) error { return f(w, v) }
