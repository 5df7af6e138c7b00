// Package logic is the handwritten logic of a goctl-style zrpc service:
// the generated server (package server) returns what its methods return,
// so their returns are the service's answers.
package logic

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"example.com/e2eframeworks/pb"
	"example.com/e2eframeworks/zrpcapp/internal/svc"
)

type GetOrderLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

func NewGetOrderLogic(ctx context.Context, svcCtx *svc.ServiceContext) *GetOrderLogic {
	return &GetOrderLogic{ctx: ctx, svcCtx: svcCtx}
}

func (l *GetOrderLogic) GetOrder(in *pb.GetOrderRequest) (*pb.Order, error) {
	item, err := l.svcCtx.Inventory.GetItem(l.ctx, &pb.GetItemRequest{Id: in.GetItemId()})
	if err != nil {
		return nil, err
	}
	var n int
	if err := l.svcCtx.DB.QueryRowContext(l.ctx, "SELECT count(*) FROM orders WHERE item = ?", item.GetId()).Scan(&n); err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	if n > 10 {
		return nil, status.Error(codes.ResourceExhausted, "too many orders for this item")
	}
	return &pb.Order{Id: in.GetId(), ItemName: item.GetName()}, nil
}
