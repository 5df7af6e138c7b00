// Package grpcdefer reproduces a false positive seen on real gRPC servers
// (a tracing span ended by a defer in every service method): when a
// function has a defer, go/ssa routes every return through the result
// slots (*slot = v; rundefers; return *slot), so a load of the slot sees
// the values stored by every return statement. Only the return that
// carries dependency text may be reported; the constant message and the
// nil of the success path must stay silent.
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
		return nil, status.Error(codes.InvalidArgument, "missing item id") // silent: our own message
	}
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return nil, status.Errorf(codes.Internal, "inventory: %v", err) // want `dependency error status.Errorf\(codes.Internal, "inventory: %v", err\) is returned to the gRPC client`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil // silent: success
}

// A deferred closure that reads the error (to record it on the span)
// makes err a captured variable as well: the same rule must hold.
type recordingServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *recordingServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	var err error
	defer func() {
		if err != nil {
			_ = err.Error() // recorded on the span
		}
	}()

	if in.GetId() == "" {
		return nil, status.Errorf(codes.InvalidArgument, "missing order id") // silent: our own message
	}
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if status.Code(err) == codes.NotFound {
		return nil, status.Error(codes.NotFound, "no such item") // silent: our own message
	}
	if err != nil {
		return nil, status.Errorf(codes.Unavailable, "inventory: %s", err.Error()) // want `dependency error status.Errorf\(codes.Unavailable, "inventory: %s", err.Error.* is returned to the gRPC client`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil // silent: success
}
