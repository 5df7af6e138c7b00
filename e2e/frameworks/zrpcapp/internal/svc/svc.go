// Package svc is the service context of a goctl-style zrpc service.
package svc

import (
	"database/sql"

	"example.com/e2eframeworks/pb"
)

// ServiceContext holds the service's dependencies.
type ServiceContext struct {
	DB        *sql.DB
	Inventory pb.InventoryClient
}
