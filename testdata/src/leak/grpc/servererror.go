package grpc

import (
	"context"
	"errors"
	"fmt"

	"example.com/pb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// The server-error status rule for gRPC: a status with code Internal,
// Unknown, DataLoss or Unavailable whose message carries the text of an
// error of unknown origin leaks it.

type orderStore interface {
	Save(ctx context.Context, id string) error
}

type saveServer struct {
	pb.UnimplementedOrdersServer
	store orderStore
}

func (s *saveServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	if err := (orderCheck{id: in.GetId()}).Validate(); err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	if err := (orderCheck{id: in.GetItemId()}).Validate(); err != nil {
		return nil, status.Error(codes.Internal, err.Error()) // the client's own input, whatever the code
	}
	if err := s.store.Save(ctx, in.GetId()); err != nil {
		return nil, status.Errorf(codes.Internal, "save: %v", err) // want `error text of err is sent with gRPC code Internal; internal errors carry details of our dependencies: log it and return a status with a generic message`
	}
	if err := s.store.Save(ctx, in.GetItemId()); err != nil {
		return nil, status.New(codes.DataLoss, err.Error()).Err() // want `error text of err is sent with gRPC code DataLoss`
	}
	if err := s.store.Save(ctx, "x"); err != nil {
		return nil, status.Error(codes.NotFound, err.Error()) // a client-error code: meant for the caller
	}
	if err := s.store.Save(ctx, "y"); errors.Is(err, errConflict) {
		return nil, status.Error(codes.Unavailable, err.Error()) // our sentinel
	}
	return &pb.Order{Id: in.GetId()}, nil
}

var errConflict = errors.New("conflict")

// orderCheck validates a request the way generated validators do.
type orderCheck struct{ id string }

func (c orderCheck) Validate() error {
	if c.id == "" {
		return fmt.Errorf("id %q: must not be empty", c.id)
	}
	return nil
}
