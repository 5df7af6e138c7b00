// Package dynformat: a miss seen on a real checkout service: the error's
// text is passed as the format string (status.Errorf(code, err.Error()),
// fmt.Sprintf(err.Error())), not as an argument. The format is written
// too.
package dynformat

import (
	"context"
	"fmt"
	"net/http"

	"example.com/pb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type ordersServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *ordersServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return nil, status.Errorf(codes.Internal, err.Error()) // want `dependency error status.Errorf\(codes.Internal, err.Error\(\)\) is returned to the gRPC client`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

func handler(w http.ResponseWriter, r *http.Request) {
	if _, err := http.Get("http://inventory.internal/v1/items"); err != nil {
		http.Error(w, fmt.Sprintf(err.Error()), http.StatusBadGateway) // want `dependency error`
	}
}
