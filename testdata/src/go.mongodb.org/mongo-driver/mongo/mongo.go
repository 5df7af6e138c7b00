// Package mongo is a minimal stub of go.mongodb.org/mongo-driver/mongo (v1.17).
package mongo

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/mongo/options"
)

var ErrNoDocuments = errors.New("mongo: no documents in result")

type Collection struct{}

type SingleResult struct{ err error }

func (coll *Collection) FindOne(ctx context.Context, filter interface{},
	opts ...*options.FindOneOptions) *SingleResult {
	return &SingleResult{}
}

func (sr *SingleResult) Decode(v interface{}) error { return sr.err }
func (sr *SingleResult) Err() error                 { return sr.err }
