// Package connecthelper: a helper of the package wraps any error into a
// Connect error with a server code and its text (%w), and the handlers
// return it for dependency errors. The helper is the finding, once; the
// handlers' returns of it are not reported again, even with a
// dependency error (kubeapps' connecterror.FromK8sError, in one
// package). A handler's own leak still is.
package connecthelper

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"connectrpc.com/connect"
)

var errNoUser = errors.New("no such user")

func fromStoreError(verb, resource string, err error) error {
	if errors.Is(err, errNoUser) {
		return connect.NewError(connect.CodeNotFound, fmt.Errorf("no %s to %s", resource, verb))
	}
	return connect.NewError(connect.CodeInternal, fmt.Errorf("unable to %s the %s: %w", verb, resource, err)) // want `error text of err is sent with gRPC code Internal by fromStoreError, which service methods return \(3 calls\)`
}

// generic sends a message of its own: silent, and its callers too.
func generic(err error) error {
	return connect.NewError(connect.CodeInternal, errors.New("internal error"))
}

type UserRequest struct{ ID string }
type User struct{ Name string }

type UserServer struct {
	db *sql.DB
}

func (s *UserServer) Get(ctx context.Context, req *connect.Request[UserRequest]) (*connect.Response[User], error) {
	var u User
	if err := s.db.QueryRowContext(ctx, "select name from users where id = $1", req.Msg.ID).Scan(&u.Name); err != nil {
		return nil, fromStoreError("get", "user", err)
	}
	if u.Name == "" {
		return nil, fromStoreError("get", "user", errNoUser) // our own sentinel: not a call the finding counts
	}
	return connect.NewResponse(&u), nil
}

func (s *UserServer) Delete(ctx context.Context, req *connect.Request[UserRequest]) (*connect.Response[User], error) {
	if _, err := s.db.ExecContext(ctx, "delete from users where id = $1", req.Msg.ID); err != nil {
		return nil, fromStoreError("delete", "user", err)
	}
	if _, err := s.db.ExecContext(ctx, "delete from sessions where user_id = $1", req.Msg.ID); err != nil {
		return nil, connect.NewError(connect.CodeInternal, fmt.Errorf("unable to delete the sessions: %w", err)) // want `dependency error`
	}
	if _, err := s.db.ExecContext(ctx, "delete from tokens where user_id = $1", req.Msg.ID); err != nil {
		return nil, generic(err)
	}
	return connect.NewResponse(&User{}), nil
}

// List checks a row error but passes err, nil there (its guard returned):
// the helper sends our own text (kubeapps' server_ctrl_packages.go:134),
// and this return is neither reported nor counted.
func (s *UserServer) List(ctx context.Context, req *connect.Request[UserRequest]) (*connect.Response[User], error) {
	rows, err := s.db.QueryContext(ctx, "select name from users")
	if err != nil {
		return nil, fromStoreError("list", "users", err)
	}
	defer rows.Close()
	var u User
	for rows.Next() {
		if scanErr := rows.Scan(&u.Name); scanErr != nil {
			return nil, fromStoreError("list", "users", err)
		}
	}
	return connect.NewResponse(&u), nil
}
