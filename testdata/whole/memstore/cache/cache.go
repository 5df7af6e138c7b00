// Package cache is a generic cache whose only implementation is in
// memory: its methods return nil or its own sentinel.
package cache

import (
	"context"
	"errors"
	"sync"
)

type Cache[T any] interface {
	Set(ctx context.Context, key string, value T) error
	Get(ctx context.Context, key string) (T, error)
}

var ErrNotFound = errors.New("key not found")

type cache[T any] struct {
	mu    sync.Mutex
	store map[string]T
}

func New[T any]() Cache[T] {
	return &cache[T]{store: make(map[string]T)}
}

func (c *cache[T]) Set(ctx context.Context, key string, value T) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.store[key] = value
	return nil
}

func (c *cache[T]) Get(ctx context.Context, key string) (T, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.store[key]
	if !ok {
		return v, ErrNotFound
	}
	return v, nil
}
