// Package service is the use-case layer: it reaches storage through an
// interface of its own, implemented in package store, wired in main.
package service

import (
	"context"

	"example.com/layered/model"
)

type UserRepository interface {
	Get(ctx context.Context, id string) (*model.User, error)
}

type Users struct{ repo UserRepository }

func New(repo UserRepository) *Users { return &Users{repo: repo} }

func (s *Users) User(ctx context.Context, id string) (*model.User, error) {
	return s.repo.Get(ctx, id)
}
