// Package authsvc is a gRPC service whose methods return the status the
// checker of package auth builds, unchanged.
package authsvc

import (
	"context"

	"example.com/pb"

	"example.com/statushelper/auth"
)

type orders struct {
	pb.UnimplementedOrdersServer
	auth auth.Checker
}

// GetOrder returns the checker's status: reported where it is built.
func (s *orders) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	if err := s.auth.Check(ctx, in.GetId()); err != nil {
		return nil, err
	}
	return &pb.Order{Id: in.GetId()}, nil
}
