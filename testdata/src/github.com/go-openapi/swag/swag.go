// Package swag is a minimal stub of github.com/go-openapi/swag v0.29.2
// for analysistest.
package swag

// String returns a pointer to the string value passed in.
func String(v string) *string { return &v }
