// Package connectsvc is a Connect service whose handlers answer their
// failures through errs.FromStoreError, a helper of another package:
// the helper is reported there, once, and its calls here are not.
package connectsvc

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/bufbuild/connect-go"

	"example.com/statushelper/errs"
)

type UserRequest struct{ ID string }
type User struct{ Name string }

type UserServer struct {
	db    *sql.DB
	cache interface {
		Get(ctx context.Context, id string) (string, error)
	}
}

// Get hands a dependency error to the helper: the helper's finding.
func (s *UserServer) Get(ctx context.Context, req *connect.Request[UserRequest]) (*connect.Response[User], error) {
	var u User
	if err := s.db.QueryRowContext(ctx, "select name from users where id = $1", req.Msg.ID).Scan(&u.Name); err != nil {
		return nil, errs.FromStoreError("get", "user", err)
	}
	return connect.NewResponse(&u), nil
}

// Cached hands an error of unknown origin to the helper, and our own
// sentinel (not a call the helper's finding counts).
func (s *UserServer) Cached(ctx context.Context, req *connect.Request[UserRequest]) (*connect.Response[User], error) {
	name, err := s.cache.Get(ctx, req.Msg.ID)
	if err != nil {
		return nil, errs.FromStoreError("get", "cached user", err)
	}
	if name == "" {
		return nil, errs.FromStoreError("get", "cached user", errs.ErrNotFound)
	}
	return connect.NewResponse(&User{Name: name}), nil
}

// Delete uses the helper, and leaks on its own elsewhere: that return is
// reported here.
func (s *UserServer) Delete(ctx context.Context, req *connect.Request[UserRequest]) (*connect.Response[User], error) {
	if _, err := s.db.ExecContext(ctx, "delete from users where id = $1", req.Msg.ID); err != nil {
		return nil, errs.FromStoreError("delete", "user", err)
	}
	if _, err := s.db.ExecContext(ctx, "delete from sessions where user_id = $1", req.Msg.ID); err != nil {
		return nil, connect.NewError(connect.CodeInternal, fmt.Errorf("unable to delete the sessions: %w", err)) // want `dependency error`
	}
	return connect.NewResponse(&User{}), nil
}
