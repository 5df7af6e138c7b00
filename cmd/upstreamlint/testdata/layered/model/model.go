// Package model holds the types every layer shares.
package model

import "errors"

type User struct {
	ID   string
	Name string
}

// ErrNotFound is our own sentinel: its text is fixed.
var ErrNotFound = errors.New("user not found")
