// Package sqlx is a minimal stub of github.com/jmoiron/sqlx (v1.4).
package sqlx

import (
	"context"
	"database/sql"
)

type DB struct {
	*sql.DB
}

func (db *DB) Get(dest interface{}, query string, args ...interface{}) error { return nil }
func (db *DB) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
