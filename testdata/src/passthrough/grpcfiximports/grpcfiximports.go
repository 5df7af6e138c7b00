package grpcfiximports

// The file imports neither codes nor status: the fix adds both, at the
// end of the import declaration (go-kratos/examples traces/app/user).

import (
	"context"

	"example.com/pb"
)

type ordersServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *ordersServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return nil, err // want `upstream gRPC error err is returned to the client with its code`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}
