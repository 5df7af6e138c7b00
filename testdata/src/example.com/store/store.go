// Package store is a repository over database/sql: its errors are
// dependency errors, wrapped. ErrNotFound is its own sentinel.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type Store struct{ DB *sql.DB }

func (s *Store) UserName(ctx context.Context, id string) (string, error) {
	var name string
	err := s.DB.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	if err != nil {
		return "", fmt.Errorf("query user %s: %w", id, err)
	}
	return name, nil
}
