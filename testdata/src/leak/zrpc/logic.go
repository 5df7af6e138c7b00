package zrpc

import (
	"context"
	"database/sql"
	"errors"

	"example.com/pb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type GetOrderLogic struct {
	ctx context.Context
	db  *sql.DB
}

func NewGetOrderLogic(ctx context.Context, db *sql.DB) *GetOrderLogic {
	return &GetOrderLogic{ctx: ctx, db: db}
}

// GetOrder answers OrdersServer.GetOrder, which returns what it returns:
// its returns are judged as the service method's.
func (l *GetOrderLogic) GetOrder(in *pb.GetOrderRequest) (*pb.Order, error) {
	var name string
	err := l.db.QueryRowContext(l.ctx, "SELECT name FROM orders WHERE id = ?", in.GetId()).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, status.Error(codes.NotFound, "no such order")
	}
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error()) // want `dependency error status.Error\(codes.Internal, err.Error\(\)\) is returned to the gRPC client`
	}
	return &pb.Order{Id: in.GetId(), ItemName: name}, nil
}

type getItemLogic struct {
	ctx context.Context
	db  *sql.DB
}

// GetItem's answer is not returned unchanged by a generated method: it
// answers no service.
func (l *getItemLogic) GetItem(in *pb.GetItemRequest) (*pb.Item, error) {
	var name string
	if err := l.db.QueryRowContext(l.ctx, "SELECT name FROM items WHERE id = ?", in.GetId()).Scan(&name); err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &pb.Item{Id: in.GetId(), Name: name}, nil
}
