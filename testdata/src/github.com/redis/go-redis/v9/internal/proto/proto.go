// Package proto is a minimal stub of github.com/redis/go-redis/v9/internal/proto.
package proto

const Nil = RedisError("redis: nil") // nolint:errname

type RedisError string

func (e RedisError) Error() string { return string(e) }
