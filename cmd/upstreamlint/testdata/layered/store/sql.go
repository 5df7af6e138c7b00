// Package store implements the service's repositories.
package store

import (
	"context"
	"database/sql"
	"fmt"

	"example.com/layered/model"
)

// SQLUsers is the repository on the database.
type SQLUsers struct{ DB *sql.DB }

func (s *SQLUsers) Get(ctx context.Context, id string) (*model.User, error) {
	u := &model.User{ID: id}
	if err := s.DB.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&u.Name); err != nil {
		return nil, fmt.Errorf("get user %s: %w", id, err)
	}
	return u, nil
}
