package grpc

import (
	"context"
	"fmt"

	"example.com/pb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// InternalError keeps the dependency error for logs and shows a public
// message: its Error method decides what the client reads.
type InternalError struct {
	public   error
	internal error
}

func (e InternalError) Error() string { return e.public.Error() }

func (e InternalError) Unwrap() error { return e.internal }

func handleError(err error) error {
	return InternalError{public: status.Error(codes.Internal, "internal server error"), internal: err}
}

// wrapError shows the text of the error it wraps.
type wrapError struct {
	op  string
	err error
}

func (w *wrapError) Error() string { return w.op + ": " + w.err.Error() }

type wrapperServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *wrapperServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return nil, handleError(fmt.Errorf("inventory: %v", err))
	}
	if item.GetName() == "" {
		_, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: "default"})
		return nil, &wrapError{op: "default item", err: fmt.Errorf("%v", err)} // want `dependency error &wrapError\{…\} is returned to the gRPC client`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}
