// Package cycles holds shapes whose SSA has cycles that a walk over
// values, stores, closures, types or summaries must cut: each once sent
// a check into a loop (a fatal stack overflow on seaweedfs, issue 12).
// The findings are what the checks report on the same code without the
// cycle; the point of the package is that the run ends.
package cycles

import (
	"context"
	"fmt"

	"example.com/pb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type span struct{}

func (span) End() {}

// selfStoreServer has named results and a defer: go/ssa stores the
// results of `return nil, err` into the result cells, and err is that
// cell, so the cell receives a load of itself (*err = *err).
type selfStoreServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *selfStoreServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (resp *pb.Order, err error) {
	var sp span
	defer sp.End()
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return nil, fmt.Errorf("inventory %s: %v", in.GetItemId(), err) // want `dependency error fmt.Errorf\("inventory %s: %v", in.GetItemId\(\), err\) is returned to the gRPC client`
	}
	resp = &pb.Order{Id: in.GetId(), ItemName: item.GetName()}
	if resp.Id == "" {
		return resp, err // silent: err is nil here
	}
	return
}

// loopServer retries: err is a phi of itself around the loop.
type loopServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *loopServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	var item *pb.Item
	var err error
	for i := 0; i < 3; i++ {
		item, err = s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
		if err == nil {
			break
		}
		err = fmt.Errorf("try %d: %w", i, err)
	}
	if err != nil {
		return nil, status.Errorf(codes.Internal, "inventory: %v", err) // want `dependency error status.Errorf\(codes.Internal, "inventory: %v", err\) is returned to the gRPC client`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}
