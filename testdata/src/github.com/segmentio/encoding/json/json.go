// Package json is a stub of github.com/segmentio/encoding/json, a
// drop-in replacement of encoding/json.
package json

import "io"

type Encoder struct{ w io.Writer }

func NewEncoder(w io.Writer) *Encoder { return &Encoder{w: w} }

func (e *Encoder) Encode(v any) error { return nil }

func Marshal(v any) ([]byte, error) { return nil, nil }
