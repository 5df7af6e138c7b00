// Package kratos: a kratos service sends the message of the errors it
// returns.
package kratos

import (
	"context"
	"database/sql"

	"example.com/pb"
	"github.com/go-kratos/kratos/v2/errors"
)

type OrderService struct {
	pb.UnimplementedOrdersServer
	db *sql.DB
}

func (s *OrderService) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	var name string
	if err := s.db.QueryRowContext(ctx, "select name from orders where id = $1", in.GetId()).Scan(&name); err != nil {
		return nil, errors.InternalServer("ORDER_LOOKUP", err.Error()) // want `dependency error err.Error\(\) is sent to the client`
	}
	return &pb.Order{Id: in.GetId(), ItemName: name}, nil
}

// Cause keeps the error as a cause, which is not sent.
func (s *OrderService) Cause(ctx context.Context, id string) (*pb.Order, error) {
	var name string
	if err := s.db.QueryRowContext(ctx, "select name from orders where id = $1", id).Scan(&name); err != nil {
		return nil, errors.InternalServer("ORDER_LOOKUP", "order lookup failed").WithCause(err)
	}
	return &pb.Order{Id: id, ItemName: name}, nil
}

var ErrNotFound = errors.NotFound("ORDER_NOT_FOUND", "order not found")

// Classify reads the code of an error: kratos' own FromError builds an
// error from the text, but nothing is sent here.
func (s *OrderService) Classify(ctx context.Context, id string) bool {
	var name string
	err := s.db.QueryRowContext(ctx, "select name from orders where id = $1", id).Scan(&name)
	return err != nil && errors.Code(err) == 404 && errors.FromError(err).Reason == ""
}
