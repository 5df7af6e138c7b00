// Package respond writes the service's statuses; the handlers reach it
// through an interface of their own.
package respond

import "net/http"

type Statuses struct{}

// Fail writes an error status.
func (Statuses) Fail(w http.ResponseWriter, code int) { w.WriteHeader(code) }

// Headers sets headers only.
type Headers struct{}

func (Headers) Touch(w http.ResponseWriter) { w.Header().Set("Cache-Control", "no-store") }
