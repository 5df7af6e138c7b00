// Package grpcdefer reproduces a false positive seen on real gRPC servers
// (a tracing span ended by a defer in every service method): with a
// defer, go/ssa routes every return through the result slots
// (*slot = v; rundefers; return *slot), so each return appears to return
// whatever any return statement stored. Only the return that forwards
// the upstream error with its code may be reported: the explicit
// decision, our own status and the nil of the success path are silent.
package grpcdefer

import (
	"context"

	"example.com/pb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type span struct{}

func (span) End() {}

func startSpan(ctx context.Context, name string) span { return span{} }

type ordersServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *ordersServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	sp := startSpan(ctx, "GetOrder")
	defer sp.End()

	if in.GetItemId() == "" {
		return nil, status.Error(codes.InvalidArgument, "missing item id") // silent: our own status
	}
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if status.Code(err) == codes.NotFound {
		return nil, status.Error(codes.InvalidArgument, "unknown item") // silent: an explicit decision
	}
	if err != nil {
		return nil, err // want `upstream gRPC error err is returned to the client with its code`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil // silent: success
}
