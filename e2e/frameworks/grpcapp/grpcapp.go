// Package grpcapp is a gRPC service calling other gRPC services, with the
// defects upstreamlint reports and the correct code it must leave alone.
package grpcapp

import (
	"context"
	"fmt"
	"log"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"

	"example.com/e2eframeworks/pb"
)

// Register registers the services on s.
func Register(s *grpc.Server, cc grpc.ClientConnInterface) {
	inv := pb.NewInventoryClient(cc)
	pb.RegisterOrdersServer(s, &forwardServer{inv: inv})
	_ = &decidingServer{inv: inv}
	_ = &fromErrorServer{inv: inv}
	healthpb.RegisterHealthServer(s, &healthServer{upstream: healthpb.NewHealthClient(cc)})
}

// forwardServer returns the inventory's error as it came.
type forwardServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *forwardServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return nil, err
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

// healthServer answers with the health of its upstream: the code is
// copied, and in List the upstream's text becomes our message.
type healthServer struct {
	healthpb.UnimplementedHealthServer
	upstream healthpb.HealthClient
}

func (s *healthServer) Check(ctx context.Context, in *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
	resp, err := s.upstream.Check(ctx, in)
	if err != nil {
		return nil, status.Error(status.Code(err), "upstream health check failed")
	}
	return resp, nil
}

func (s *healthServer) List(ctx context.Context, in *healthpb.HealthListRequest) (*healthpb.HealthListResponse, error) {
	resp, err := s.upstream.List(ctx, in)
	if err != nil {
		return nil, status.Errorf(codes.Internal, "upstream: %v", err)
	}
	return resp, nil
}

// --- correct code ---

// decidingServer maps on the code and answers with constant codes.
type decidingServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *decidingServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if status.Code(err) == codes.NotFound {
		return nil, status.Error(codes.InvalidArgument, "unknown item")
	}
	if err != nil {
		log.Printf("inventory: %v", err)
		return nil, status.Error(codes.Unavailable, "inventory unavailable")
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

// InventoryClient is a client library: its callers get the upstream
// error, as they should.
type InventoryClient struct {
	inv pb.InventoryClient
}

// NewInventoryClient returns a client of the inventory service.
func NewInventoryClient(cc grpc.ClientConnInterface) *InventoryClient {
	return &InventoryClient{inv: pb.NewInventoryClient(cc)}
}

// ItemName returns the name of an item.
func (c *InventoryClient) ItemName(ctx context.Context, id string) (string, error) {
	item, err := c.inv.GetItem(ctx, &pb.GetItemRequest{Id: id})
	if err != nil {
		return "", fmt.Errorf("inventory: %w", err)
	}
	return item.GetName(), nil
}

// Item is an exported helper of a server type, not one of the service's
// methods: its Go callers get the upstream error, as they should.
func (s *decidingServer) Item(ctx context.Context, id string) (*pb.Item, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: id})
	if err != nil {
		return nil, err
	}
	return item, nil
}

// fromErrorServer copies the upstream's code through status.FromError.
type fromErrorServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *fromErrorServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		st, _ := status.FromError(err)
		return nil, status.Errorf(st.Code(), "inventory lookup for %s failed", in.GetItemId())
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}
