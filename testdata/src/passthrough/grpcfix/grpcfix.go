package grpcfix

import (
	"context"
	"fmt"

	"example.com/pb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type ordersServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *ordersServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	if in.GetItemId() == "" {
		return nil, status.Error(codes.InvalidArgument, "missing item id")
	}
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if status.Code(err) == codes.DeadlineExceeded {
		return nil, status.Error(status.Code(err), "inventory timed out") // want `upstream gRPC code status.Code\(err\) is returned to the client`
	}
	if err != nil {
		return nil, err // want `upstream gRPC error err is returned to the client with its code`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

type wrappingServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

// No fix: the wrapped text is the programmer's to keep or drop.
func (s *wrappingServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return nil, fmt.Errorf("inventory: %w", err) // want `upstream gRPC error fmt.Errorf\("inventory: %w", err\) is returned to the client with its code`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}
