// Package kv stands for a user's Redis-like client package: it imports
// nothing upstreamlint knows, so only -upstreamfacts.deps makes its
// errors dependency errors.
package kv

import (
	"context"
	"errors"
)

type Client struct{ Addr string }

func (c *Client) Get(ctx context.Context, key string) (string, error) {
	return "", errors.New("dial tcp " + c.Addr + ": connection refused")
}
