// Package connect: a Connect handler sends a plain error's text, and a
// connect.NewError's underlying error's text, as the message.
package connect

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"connectrpc.com/connect"
	"example.com/greetconnect"
)

type UserRequest struct{ ID string }
type User struct{ Name string }

type UserServer struct {
	db *sql.DB
}

func (s *UserServer) Get(ctx context.Context, req *connect.Request[UserRequest]) (*connect.Response[User], error) {
	var u User
	if err := s.db.QueryRowContext(ctx, "select name from users where id = $1", req.Msg.ID).Scan(&u.Name); err != nil {
		return nil, connect.NewError(connect.CodeInternal, err) // want `dependency error`
	}
	return connect.NewResponse(&u), nil
}

func (s *UserServer) Plain(ctx context.Context, req *connect.Request[UserRequest]) (*connect.Response[User], error) {
	var u User
	if err := s.db.QueryRowContext(ctx, "select name from users where id = $1", req.Msg.ID).Scan(&u.Name); err != nil {
		return nil, err // want `dependency error`
	}
	return connect.NewResponse(&u), nil
}

// Generic sends a message of its own.
func (s *UserServer) Generic(ctx context.Context, req *connect.Request[UserRequest]) (*connect.Response[User], error) {
	var u User
	if err := s.db.QueryRowContext(ctx, "select name from users where id = $1", req.Msg.ID).Scan(&u.Name); err != nil {
		return nil, connect.NewError(connect.CodeInternal, errors.New("lookup failed"))
	}
	return connect.NewResponse(&u), nil
}

// A handler calling a handler of this process (a plugin it loaded, a
// sibling): not an upstream call; the callee's own returns are judged
// where they are.
type Core struct {
	plugin greetconnect.GreetServiceHandler
	remote greetconnect.GreetServiceClient
}

func (c *Core) Greet(ctx context.Context, req *connect.Request[greetconnect.GreetRequest]) (*connect.Response[greetconnect.GreetResponse], error) {
	resp, err := c.plugin.Greet(ctx, req)
	if err != nil {
		return nil, connect.NewError(connect.CodeOf(err), fmt.Errorf("the plugin failed: %w", err))
	}
	return resp, nil
}

func (c *Core) Again(ctx context.Context, req *connect.Request[greetconnect.GreetRequest]) (*connect.Response[greetconnect.GreetResponse], error) {
	if _, err := c.Greet(ctx, req); err != nil {
		return nil, err
	}
	resp, err := c.remote.Greet(ctx, req)
	if err != nil {
		return nil, connect.NewError(connect.CodeInternal, fmt.Errorf("the greeter failed: %w", err)) // want `dependency error`
	}
	return resp, nil
}

var _ greetconnect.GreetServiceHandler = (*Core)(nil)
