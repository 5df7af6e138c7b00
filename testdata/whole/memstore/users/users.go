// Package users has two implementations of its interface: one in
// memory, one over database/sql, whose errors are the driver's.
package users

import (
	"context"
	"database/sql"
	"errors"
)

type Users interface {
	Name(ctx context.Context, id int) (string, error)
}

var ErrNoUser = errors.New("no such user")

type memUsers struct{ names map[int]string }

func NewMem(names map[int]string) Users { return &memUsers{names: names} }

func (u *memUsers) Name(ctx context.Context, id int) (string, error) {
	n, ok := u.names[id]
	if !ok {
		return "", ErrNoUser
	}
	return n, nil
}

type sqlUsers struct{ db *sql.DB }

func NewSQL(db *sql.DB) Users { return &sqlUsers{db: db} }

func (u *sqlUsers) Name(ctx context.Context, id int) (string, error) {
	var n string
	err := u.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&n)
	return n, err
}
