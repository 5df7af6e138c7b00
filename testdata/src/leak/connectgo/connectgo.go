// Package connectgo: Connect under its old import path
// (github.com/bufbuild/connect-go, vmware-tanzu/kubeapps): the same rules.
package connectgo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/bufbuild/connect-go"
)

type UserRequest struct{ ID string }
type User struct{ Name string }

type UserServer struct {
	db *sql.DB
}

func (s *UserServer) Get(ctx context.Context, req *connect.Request[UserRequest]) (*connect.Response[User], error) {
	var u User
	if err := s.db.QueryRowContext(ctx, "select name from users where id = $1", req.Msg.ID).Scan(&u.Name); err != nil {
		return nil, connect.NewError(connect.CodeInternal, fmt.Errorf("unable to get the user %q: %w", req.Msg.ID, err)) // want `dependency error`
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
