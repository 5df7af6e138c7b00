// Package options is a minimal stub of go.mongodb.org/mongo-driver/mongo/options (v1.17).
package options

type FindOneOptions struct{}
