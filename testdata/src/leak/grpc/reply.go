package grpc

import (
	"context"

	"example.com/pb"
)

// replyServer answers a failure with a nil error and the inventory's
// error text in a field of the reply, which the client receives.
type replyServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *replyServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	reply := &pb.Order{Id: in.GetId()}
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		reply.ItemName = err.Error() // want `dependency error err.Error\(\) is sent to the client in the reply's ItemName`
		return reply, nil
	}
	reply.ItemName = item.GetName()
	return reply, nil
}

// ownReplyServer answers the failure with a text of its own: silent.
type ownReplyServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *ownReplyServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return &pb.Order{Id: in.GetId(), ItemName: "unavailable"}, nil
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}
