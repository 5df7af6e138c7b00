package grpc

import (
	"context"
	"database/sql"

	"example.com/pb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// One type often serves several services: it embeds every
// Unimplemented…Server, and the methods of each are service methods, not
// only those of the first (yourselfhosted/slash's APIV1Service).
type multiServer struct {
	pb.UnimplementedOrdersServer
	pb.UnimplementedInventoryServer
	db *sql.DB
}

func (s *multiServer) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	var name string
	if err := s.db.QueryRowContext(ctx, "SELECT name FROM orders WHERE id = ?", in.GetId()).Scan(&name); err != nil {
		return nil, status.Errorf(codes.Internal, "get order: %v", err) // want `dependency error status.Errorf\(codes.Internal, "get order: %v", err\) is returned to the gRPC client`
	}
	return &pb.Order{Id: in.GetId()}, nil
}

func (s *multiServer) GetItem(ctx context.Context, in *pb.GetItemRequest) (*pb.Item, error) {
	var name string
	if err := s.db.QueryRowContext(ctx, "SELECT name FROM items WHERE id = ?", in.GetId()).Scan(&name); err != nil {
		return nil, status.Errorf(codes.Internal, "get item: %v", err) // want `dependency error status.Errorf\(codes.Internal, "get item: %v", err\) is returned to the gRPC client`
	}
	return &pb.Item{Name: name}, nil
}

// services embeds the generated types one level down: only the
// Register…Server calls say which methods serve, and a type registered
// for two services serves the methods of both.
type services struct {
	pb.UnimplementedOrdersServer
	pb.UnimplementedInventoryServer
}

type registeredTwice struct {
	services
	db *sql.DB
}

func (s *registeredTwice) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	var name string
	if err := s.db.QueryRowContext(ctx, "SELECT name FROM orders WHERE id = ?", in.GetId()).Scan(&name); err != nil {
		return nil, status.Errorf(codes.Internal, "get order: %v", err) // want `dependency error status.Errorf\(codes.Internal, "get order: %v", err\) is returned to the gRPC client`
	}
	return &pb.Order{Id: in.GetId()}, nil
}

func (s *registeredTwice) GetItem(ctx context.Context, in *pb.GetItemRequest) (*pb.Item, error) {
	var name string
	if err := s.db.QueryRowContext(ctx, "SELECT name FROM items WHERE id = ?", in.GetId()).Scan(&name); err != nil {
		return nil, status.Errorf(codes.Internal, "get item: %v", err) // want `dependency error status.Errorf\(codes.Internal, "get item: %v", err\) is returned to the gRPC client`
	}
	return &pb.Item{Name: name}, nil
}

// Lookup is not a method of either service: not a gRPC answer.
func (s *registeredTwice) Lookup(ctx context.Context, id string) (string, error) {
	var name string
	if err := s.db.QueryRowContext(ctx, "SELECT name FROM items WHERE id = ?", id).Scan(&name); err != nil {
		return "", status.Errorf(codes.Internal, "lookup: %v", err)
	}
	return name, nil
}

func registerBoth(srv *grpc.Server, db *sql.DB) {
	s := &registeredTwice{db: db}
	pb.RegisterOrdersServer(srv, s)
	pb.RegisterInventoryServer(srv, s)
}
