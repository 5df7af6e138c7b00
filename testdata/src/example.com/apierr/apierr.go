// Package apierr turns internal errors into public text.
package apierr

// Public returns text that is safe to show to clients.
func Public(err error) string { return "the request could not be completed" }
