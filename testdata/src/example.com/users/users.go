// Package users is a use case of another module whose errors come from
// code nobody can see from here: it imports nothing that produces or
// answers an upstream value, so it has no facts.
package users

import "context"

type User struct{ ID, Name string }

// Repository is implemented somewhere else in the program.
type Repository interface {
	ByID(ctx context.Context, id string) (*User, error)
}

func Load(ctx context.Context, r Repository, id string) (*User, error) {
	return r.ByID(ctx, id)
}
