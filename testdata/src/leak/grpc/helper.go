package grpc

import (
	"context"
	"errors"

	"example.com/pb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// One helper turns any error into a status with its text and code
// Internal; the service methods return it for errors that come through
// interfaces (a query bus, a repository): the helper is the finding,
// once.

type queryBus interface {
	Ask(ctx context.Context, q string) (string, error)
}

type busServer struct {
	pb.UnimplementedOrdersServer
	bus queryBus
}

func toStatus(err error) error {
	if errors.Is(err, errNotFound) {
		return status.Error(codes.NotFound, "order not found")
	}
	return status.Error(codes.Internal, err.Error()) // want `error text of err is sent with gRPC code Internal by toStatus, which service methods return \(2 calls\)`
}

var errNotFound = errors.New("not found")

func (s *busServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	name, err := s.bus.Ask(ctx, "order:"+in.GetId())
	if err != nil {
		return nil, toStatus(err)
	}
	if name == "" {
		return nil, toStatus(errNotFound) // our own sentinel: not a use
	}
	return &pb.Order{Id: in.GetId()}, nil
}

type busServer2 struct {
	pb.UnimplementedInventoryServer
	bus queryBus
}

func (s *busServer2) GetItem(ctx context.Context, in *pb.GetItemRequest) (*pb.Item, error) {
	name, err := s.bus.Ask(ctx, "item:"+in.GetId())
	if err != nil {
		return nil, toStatus(err)
	}
	return &pb.Item{Name: name}, nil
}

// ownStatus sends a text of its own: silent.
func ownStatus(err error) error {
	return status.Error(codes.Internal, "internal error")
}

type busServer3 struct {
	pb.UnimplementedInventoryServer
	bus queryBus
}

func (s *busServer3) GetItem(ctx context.Context, in *pb.GetItemRequest) (*pb.Item, error) {
	if _, err := s.bus.Ask(ctx, "item:"+in.GetId()); err != nil {
		return nil, ownStatus(err)
	}
	return &pb.Item{}, nil
}

// A chain of helpers: the one the service methods call hands the error
// to the one that maps it (spicedb's RewriteError calling rewriteError),
// which sends some errors' text with Unavailable and returns the ones no
// case matches unchanged, sent as Unknown with their text. The statuses
// are built in rewriteErr: reported there, once, with the calls of both.

func rewrite(err error) error { return rewriteErr(err, "") }

func isTimeout(err error) bool { return err != nil && len(err.Error()) > 40 }

func rewriteErr(err error, prefix string) error {
	if _, ok := status.FromError(err); ok {
		return err // a status already: kept
	}
	if errors.Is(err, errNotFound) {
		return status.Error(codes.NotFound, "not found")
	}
	if isTimeout(err) {
		return status.Error(codes.Unavailable, prefix+err.Error()) // want `error text of err is sent with gRPC code Unavailable by rewriteErr, which service methods return \(2 calls\)`
	}
	return err // want `error text of err is sent with gRPC code Unknown by rewriteErr, which service methods return \(2 calls\)`
}

type rewritingOrders struct {
	pb.UnimplementedOrdersServer
	bus queryBus
}

func (s *rewritingOrders) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	if _, err := s.bus.Ask(ctx, "order:"+in.GetId()); err != nil {
		return nil, rewrite(err)
	}
	return &pb.Order{Id: in.GetId()}, nil
}

type rewritingItems struct {
	pb.UnimplementedInventoryServer
	bus queryBus
}

func (s *rewritingItems) GetItem(ctx context.Context, in *pb.GetItemRequest) (*pb.Item, error) {
	if _, err := s.bus.Ask(ctx, "item:"+in.GetId()); err != nil {
		return nil, rewriteErr(err, "item: ")
	}
	return &pb.Item{}, nil
}
