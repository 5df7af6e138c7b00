// Package gorm is a minimal stub of gorm.io/gorm (v1.31) for analysistest.
package gorm

import (
	"context"
	"errors"
)

var ErrRecordNotFound = errors.New("record not found")

type DB struct {
	Error        error
	RowsAffected int64
}

func (db *DB) Where(query interface{}, args ...interface{}) (tx *DB) { return db }
func (db *DB) Create(value interface{}) (tx *DB)                     { return db }
func (db *DB) First(dest interface{}, conds ...interface{}) (tx *DB) { return db }
func (db *DB) Find(dest interface{}, conds ...interface{}) (tx *DB)  { return db }
func (db *DB) WithContext(ctx context.Context) *DB                   { return db }
