// Package store is a key-value store behind an interface whose only
// implementation keeps the values in memory: its errors are nil or its
// own sentinel, never a dependency's.
package store

import (
	"context"
	"errors"
	"sync"
)

type Store interface {
	Put(ctx context.Context, key, value string) error
	Get(ctx context.Context, key string) (string, error)
}

var ErrNotFound = errors.New("key not found")

type mem struct {
	mu sync.Mutex
	m  map[string]string
}

func NewMem() Store { return &mem{m: make(map[string]string)} }

func (s *mem) Put(ctx context.Context, key, value string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key] = value
	return nil
}

func (s *mem) Get(ctx context.Context, key string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[key]
	if !ok {
		return "", ErrNotFound
	}
	return v, nil
}
