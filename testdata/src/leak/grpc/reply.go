package grpc

import (
	"context"
	"encoding/json"

	"example.com/pb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
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

// inputServer decodes what the client sent in its request: the decode
// error is about the client's input, whatever code it is sent with.
type inputServer struct {
	pb.UnimplementedOrdersServer
}

func (s *inputServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	var spec map[string]string
	if err := json.Unmarshal([]byte(in.GetItemId()), &spec); err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	if err := json.Unmarshal([]byte(in.Id), &spec); err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &pb.Order{Id: in.GetId()}, nil
}

// configServer decodes what it read from its own store: not the
// client's input, and sent with Internal.
type configServer struct {
	pb.UnimplementedOrdersServer
	raw []byte
}

func (s *configServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	var spec map[string]string
	if err := json.Unmarshal(s.raw, &spec); err != nil {
		return nil, status.Error(codes.Internal, err.Error()) // want `error text of err is sent with gRPC code Internal`
	}
	return &pb.Order{Id: in.GetId()}, nil
}
