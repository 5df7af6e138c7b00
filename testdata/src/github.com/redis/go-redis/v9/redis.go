// Package redis is a minimal stub of github.com/redis/go-redis/v9 (v9.23)
// for analysistest: methods sit on the same (unexported) types as in the
// real package.
package redis

import (
	"context"

	"github.com/redis/go-redis/v9/internal/proto"
)

const Nil = proto.Nil

type Cmder interface {
	Err() error
}

type baseCmd struct{ err error }

func (cmd *baseCmd) Err() error { return cmd.err }

type StringCmd struct {
	baseCmd
	val string
}

func (cmd *StringCmd) Val() string             { return cmd.val }
func (cmd *StringCmd) Result() (string, error) { return cmd.val, cmd.err }

type cmdable func(ctx context.Context, cmd Cmder) error

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }

type Options struct {
	Addr string
}

type Client struct {
	cmdable
}

func NewClient(opt *Options) *Client { return &Client{} }
