// Package grpcsvc is a gRPC service whose methods answer their failures
// through the helpers of package errs.
package grpcsvc

import (
	"context"
	"database/sql"

	"example.com/pb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"example.com/statushelper/errs"
)

type inventory struct {
	pb.UnimplementedInventoryServer
	db *sql.DB
}

// GetItem hands a dependency error to errs.ToStatus: the helper's
// finding, not this return's.
func (s *inventory) GetItem(ctx context.Context, in *pb.GetItemRequest) (*pb.Item, error) {
	var name string
	if err := s.db.QueryRowContext(ctx, "select name from items where id = $1", in.GetId()).Scan(&name); err != nil {
		return nil, errs.ToStatus(err)
	}
	return &pb.Item{Name: name}, nil
}

type orders struct {
	pb.UnimplementedOrdersServer
	db *sql.DB
}

// GetOrder maps its error through errs.Generic (silent), and leaks a
// dependency error with a status of its own: reported here.
func (s *orders) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	var name string
	if err := s.db.QueryRowContext(ctx, "select name from orders where id = $1", in.GetId()).Scan(&name); err != nil {
		return nil, errs.Generic(err)
	}
	if _, err := s.db.ExecContext(ctx, "update orders set seen = true where id = $1", in.GetId()); err != nil {
		return nil, status.Error(codes.Internal, err.Error()) // want `dependency error status.Error\(codes.Internal, err.Error\(\)\) is returned to the gRPC client`
	}
	return &pb.Order{Id: in.GetId(), ItemName: name}, nil
}

type wrapped struct {
	pb.UnimplementedInventoryServer
	db *sql.DB
}

// rewrite is the helper this service's methods see: it hands the error
// to errs.ToStatus of another package (spicedb's ps.rewriteError
// returning shared.RewriteError(…)). Reported here, once, for its calls.
func (s *wrapped) rewrite(err error) error {
	return errs.ToStatus(err) // want `error text of err is sent with gRPC code Internal by rewrite, which service methods return \(1 call\)`
}

// GetItem returns the wrapper's status for a dependency error: the
// wrapper's finding, not this return's.
func (s *wrapped) GetItem(ctx context.Context, in *pb.GetItemRequest) (*pb.Item, error) {
	var name string
	if err := s.db.QueryRowContext(ctx, "select name from items where id = $1", in.GetId()).Scan(&name); err != nil {
		return nil, s.rewrite(err)
	}
	return &pb.Item{Name: name}, nil
}
