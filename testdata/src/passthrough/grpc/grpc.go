package grpc

import (
	"context"
	"errors"
	"fmt"
	"log"

	"example.com/pb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// forwardServer returns the inventory's error as it came.
type forwardServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *forwardServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return nil, err // want `upstream gRPC error err is returned to the client with its code; map the code to a code of this service`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

// wrapServer wraps it with %w: grpc-go's status.FromError unwraps it.
type wrapServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *wrapServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return nil, fmt.Errorf("inventory: %w", err) // want `upstream gRPC error fmt.Errorf\("inventory: %w", err\) is returned to the client with its code`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

// codeServer builds a new status from the upstream's code.
type codeServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *codeServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return nil, status.Error(status.Code(err), "inventory lookup failed") // want `upstream gRPC code status.Code\(err\) is returned to the client; map it to a code of this service`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

// fromErrorServer takes the code from status.FromError (status.Status is
// an alias of grpc's internal/status.Status, as in grpc-go).
type fromErrorServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *fromErrorServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		st, _ := status.FromError(err)
		return nil, status.Errorf(st.Code(), "inventory lookup for %s failed", in.GetItemId()) // want `upstream gRPC code st.Code\(\) is returned to the client`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

// helperServer gets the error through a client helper of this package.
type helperServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func lookupItem(ctx context.Context, inv pb.InventoryClient, id string) (*pb.Item, error) {
	return inv.GetItem(ctx, &pb.GetItemRequest{Id: id})
}

func (s *helperServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := lookupItem(ctx, s.inv, in.GetItemId())
	if err != nil {
		return nil, err // want `upstream gRPC error err is returned to the client with its code`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

// invokeServer calls the inventory through ClientConn.Invoke.
type invokeServer struct {
	pb.UnimplementedOrdersServer
	cc *grpc.ClientConn
}

func (s *invokeServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item := new(pb.Item)
	if err := s.cc.Invoke(ctx, pb.Inventory_GetItem_FullMethodName, &pb.GetItemRequest{Id: in.GetItemId()}, item); err != nil {
		return nil, err // want `upstream gRPC error err is returned to the client with its code`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

// registeredServer does not embed UnimplementedOrdersServer; it is a
// server because it is registered.
type registeredServer struct {
	pb.UnsafeOrdersServer
	inv pb.InventoryClient
}

func (s *registeredServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return nil, err // want `upstream gRPC error err is returned to the client with its code`
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

func register(s *grpc.Server, inv pb.InventoryClient) {
	pb.RegisterOrdersServer(s, &registeredServer{inv: inv})
}

// --- correct code ---

// decidingServer maps on the code, with constant codes.
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
		switch status.Code(err) {
		case codes.Unavailable, codes.ResourceExhausted:
			return nil, status.Error(codes.Unavailable, "inventory unavailable")
		case codes.DeadlineExceeded:
			return nil, status.Error(codes.DeadlineExceeded, "inventory timed out")
		}
		return nil, status.Error(codes.Internal, "inventory lookup failed")
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

func mapCode(c codes.Code) codes.Code {
	switch c {
	case codes.Unavailable, codes.ResourceExhausted:
		return codes.Unavailable
	case codes.DeadlineExceeded:
		return codes.DeadlineExceeded
	case codes.Canceled:
		return codes.Canceled
	}
	return codes.Internal
}

// mappedServer routes the upstream's code through a mapping function.
type mappedServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *mappedServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return nil, status.Error(mapCode(status.Code(err)), "inventory lookup failed")
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

// Only the methods of the service interface answer gRPC clients; other
// exported methods of a server type are Go helpers.
type helperMethodServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *helperMethodServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.Item(ctx, in.GetItemId())
	if err != nil {
		return nil, status.Error(codes.Internal, "inventory lookup failed")
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

// Item is an exported helper of a server type, not one of the service's
// methods: its Go callers get the upstream error, as they should.
func (s *helperMethodServer) Item(ctx context.Context, id string) (*pb.Item, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: id})
	if err != nil {
		return nil, err
	}
	return item, nil
}

// fixedServer is what the default fix leaves behind: silent, although
// the helper returns the code it was given where it equals
// DeadlineExceeded or Canceled.
type fixedServer struct {
	pb.UnimplementedOrdersServer
	inv pb.InventoryClient
}

func (s *fixedServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := s.inv.GetItem(ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return nil, status.Error(mapUpstreamCode(status.Code(err)), "upstream request failed")
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}

// mapUpstreamCode maps the code of an upstream gRPC error to a code of
// this service (upstreamlint's default policy; adjust it to your API).
func mapUpstreamCode(code codes.Code) codes.Code {
	switch code {
	case codes.Unavailable, codes.ResourceExhausted:
		return codes.Unavailable // retrying later can help
	case codes.DeadlineExceeded, codes.Canceled:
		return code
	default:
		return codes.Internal // our dependency failed, or we called it wrong
	}
}

var errNoItem = errors.New("no item id")

// ownErrorServer returns errors of its own.
type ownErrorServer struct {
	pb.UnimplementedOrdersServer
}

func (s *ownErrorServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	if in.GetItemId() == "" {
		return nil, errNoItem
	}
	return nil, status.Errorf(codes.NotFound, "order %s not found", in.GetId())
}

// inventoryClient is a client library, not a server: its methods return
// the upstream error to their Go callers, and that is right.
type inventoryClient struct {
	inv pb.InventoryClient
}

func (c *inventoryClient) Item(ctx context.Context, id string) (*pb.Item, error) {
	item, err := c.inv.GetItem(ctx, &pb.GetItemRequest{Id: id})
	if err != nil {
		return nil, fmt.Errorf("inventory: %w", err)
	}
	return item, nil
}

// GetOrder has a server method's signature, but ordersGateway does not
// implement OrdersServer and is not registered: a client-side wrapper.
type ordersGateway struct {
	orders pb.OrdersClient
}

func (g *ordersGateway) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	o, err := g.orders.GetOrder(ctx, in)
	if err != nil {
		return nil, err
	}
	return o, nil
}

// proxyServer forwards the call to another Orders service and returns
// its answer, response and error, as a whole: a proxy (docs/design.md).
type proxyServer struct {
	pb.UnimplementedOrdersServer
	remote pb.OrdersClient
}

func (s *proxyServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	return s.remote.GetOrder(ctx, in)
}

// partProxyServer returns only the error of the forwarded call: not a
// proxy, the code is ours to choose.
type partProxyServer struct {
	pb.UnimplementedOrdersServer
	remote pb.OrdersClient
}

func (s *partProxyServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	o, err := s.remote.GetOrder(ctx, in)
	if err != nil {
		return nil, err // want `upstream gRPC error err is returned to the client with its code`
	}
	return &pb.Order{Id: o.GetId()}, nil
}

// facadeServer forwards the upstream's answer: its response on success,
// its error on failure (a cache in front of another service): a proxy.
type facadeServer struct {
	pb.UnimplementedOrdersServer
	remote pb.OrdersClient
	seen   map[string]bool
}

func (s *facadeServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	o, err := s.remote.GetOrder(ctx, in)
	if err != nil {
		return nil, err
	}
	s.seen[in.GetId()] = true
	return o, nil
}
