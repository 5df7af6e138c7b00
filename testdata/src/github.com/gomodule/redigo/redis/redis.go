// Package redis is a minimal stub of github.com/gomodule/redigo/redis
// v1.9.3 for analysistest: the declarations keep the real signatures;
// bodies are trivial.
package redis

import "context"

// Conn represents a connection to a Redis server.
type Conn interface {
	Close() error
	Err() error
	Do(commandName string, args ...interface{}) (reply interface{}, err error)
	Send(commandName string, args ...interface{}) error
	Flush() error
	Receive() (reply interface{}, err error)
}

// Pool maintains a pool of connections.
type Pool struct {
	Dial func() (Conn, error)
}

func (p *Pool) Get() Conn { return nil }

func (p *Pool) GetContext(ctx context.Context) (Conn, error) { return nil, nil }

// ErrNil indicates that a reply value is nil.
var ErrNil error

// String is a helper that converts a command reply to a string.
func String(reply interface{}, err error) (string, error) {
	if err != nil {
		return "", err
	}
	s, _ := reply.(string)
	return s, nil
}
