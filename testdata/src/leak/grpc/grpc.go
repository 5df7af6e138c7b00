package grpc

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"strconv"

	"example.com/pb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// errorfServer puts the inventory's error text into its status message.
type errorfServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *errorfServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return nil, status.Errorf(codes.Internal, "inventory: %v", err) // want `dependency error status.Errorf\(codes.Internal, "inventory: %v", err\) is returned to the gRPC client, which receives its text as the status message; log it and return a status with a generic message`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

// errorTextServer does it with err.Error().
type errorTextServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *errorTextServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return nil, status.Error(codes.Unavailable, err.Error()) // want `dependency error status.Error\(codes.Unavailable, err.Error\(\)\) is returned to the gRPC client`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

// textWrapServer wraps with %v: the code is lost (Unknown), the text
// becomes our status message.
type textWrapServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *textWrapServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return nil, fmt.Errorf("inventory: %v", err) // want `dependency error fmt.Errorf\("inventory: %v", err\) is returned to the gRPC client`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

// newStatusServer builds the status with status.New and returns its Err.
type newStatusServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *newStatusServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		st := status.New(codes.Internal, "inventory: "+err.Error())
		return nil, st.Err() // want `dependency error st.Err\(\) is returned to the gRPC client`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

// httpServer returns the error of an HTTP client call: grpc-go sends a
// plain error's text as the message (code Unknown).
type httpServer struct {
	pb.UnimplementedOrdersServer
}

func (s *httpServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	resp, err := http.Get("http://inventory.internal/items/" + in.GetItemId())
	if err != nil {
		return nil, err // want `dependency error err is returned to the gRPC client`
	}
	resp.Body.Close()
	return &pb.Order{Id: in.GetId()}, nil
}

// --- correct code ---

var errNoItem = errors.New("no item id")

// loggingServer logs the error and answers with its own message.
type loggingServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *loggingServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	if in.GetItemId() == "" {
		return nil, status.Error(codes.InvalidArgument, errNoItem.Error())
	}
	if _, err := strconv.Atoi(in.GetId()); err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "bad order id: %v", err)
	}
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if status.Code(err) == codes.NotFound {
		return nil, status.Errorf(codes.InvalidArgument, "unknown item %q", in.GetItemId())
	}
	if err != nil {
		log.Printf("inventory: %v", err)
		return nil, status.Error(codes.Internal, "inventory lookup failed")
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

// forwardServer returns the upstream error as it came: that forwards
// its code, passthrough's finding, not a leak of text into a message.
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

// inventoryClient is a client library, not a server: its callers get
// the text of the upstream error, as they should.
type inventoryClient struct {
	inv pb.InventoryClient
}

func (c *inventoryClient) Item(ctx context.Context, id string) (*pb.Item, error) {
	item, err := c.inv.GetItem(ctx, &pb.GetItemRequest{Id: id})
	if err != nil {
		return nil, fmt.Errorf("inventory: %v", err)
	}
	return item, nil
}

func (c *inventoryClient) Check(ctx context.Context, id string) error {
	if _, err := c.inv.GetItem(ctx, &pb.GetItemRequest{Id: id}); err != nil {
		return status.Errorf(codes.Unavailable, "inventory: %v", err)
	}
	return nil
}
