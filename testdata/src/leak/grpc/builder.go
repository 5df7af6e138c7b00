package grpc

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"example.com/pb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// A checker builds the status its callers return from a dependency error
// of its own (tektoncd/results' RBAC.Check puts the kube-apiserver's
// error into its Unauthenticated status): the finding is where the
// status is built, once; the service methods that return it unchanged
// are not reported again.

type rbac struct{ db *sql.DB }

var errNoToken = errors.New("no token")

func (r *rbac) Check(ctx context.Context, token string) error {
	if token == "" {
		return status.Error(codes.Unauthenticated, errNoToken.Error()) // our own text: silent
	}
	msg := "permission denied"
	var n int
	if err := r.db.QueryRowContext(ctx, "select count(*) from grants where token = $1", token).Scan(&n); err != nil {
		msg = fmt.Sprintf("%s: %s", msg, err.Error())
		return status.Error(codes.Unauthenticated, msg) // want `a dependency error's text is the message of this status, which \(\*grpc.rbac\).Check returns and service methods return to the gRPC client \(2 returns\)`
	}
	if n == 0 {
		return status.Error(codes.PermissionDenied, msg)
	}
	return nil
}

type checkedOrders struct {
	pb.UnimplementedOrdersServer
	auth *rbac
	db   *sql.DB
}

func (s *checkedOrders) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	if err := s.auth.Check(ctx, in.GetId()); err != nil {
		return nil, err // the checker's status: reported where it is built
	}
	var name string
	if err := s.db.QueryRowContext(ctx, "select name from orders where id = $1", in.GetId()).Scan(&name); err != nil {
		return nil, err // want `dependency error err is returned to the gRPC client`
	}
	return &pb.Order{Id: in.GetId(), ItemName: name}, nil
}

type checkedInventory struct {
	pb.UnimplementedInventoryServer
	auth *rbac
}

func (s *checkedInventory) GetItem(ctx context.Context, in *pb.GetItemRequest) (*pb.Item, error) {
	err := s.auth.Check(ctx, in.GetId())
	if err != nil {
		return nil, fmt.Errorf("check: %w", err) // still the checker's text
	}
	return &pb.Item{}, nil
}

// A status built from a dependency error in a function no service method
// returns from: silent (not a use).
func lookupStatus(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, "select 1"); err != nil {
		return status.Error(codes.Unavailable, err.Error())
	}
	return nil
}
