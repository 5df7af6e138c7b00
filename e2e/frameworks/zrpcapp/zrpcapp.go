// Package zrpcapp is a zrpc service laid out as goctl generates it: a
// generated server (internal/server, "DO NOT EDIT!") whose methods return
// what the handwritten logic (internal/logic) returns. upstreamlint
// reports the defects in the logic, where they are fixed.
package zrpcapp

import (
	"database/sql"

	"google.golang.org/grpc"

	"example.com/e2eframeworks/pb"
	"example.com/e2eframeworks/zrpcapp/internal/server"
	"example.com/e2eframeworks/zrpcapp/internal/svc"
)

// New returns a gRPC server serving the orders service.
func New(db *sql.DB, cc grpc.ClientConnInterface) *grpc.Server {
	s := grpc.NewServer()
	pb.RegisterOrdersServer(s, server.NewOrdersServer(&svc.ServiceContext{DB: db, Inventory: pb.NewInventoryClient(cc)}))
	return s
}
