// Package connect: a Connect handler sends a plain error's text, and a
// connect.NewError's underlying error's text, as the message.
package connect

import (
	"context"
	"database/sql"
	"errors"

	"connectrpc.com/connect"
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
