// Package connect: Connect handlers return errors with their codes.
package connect

import (
	"context"
	"errors"

	"connectrpc.com/connect"
)

type ItemRequest struct{ ID string }
type Item struct{ Name string }
type OrderRequest struct{ ItemID string }
type Order struct{ ItemName string }

// InventoryClient is the generated client of the upstream service.
type InventoryClient interface {
	GetItem(context.Context, *connect.Request[ItemRequest]) (*connect.Response[Item], error)
}

type OrderServer struct {
	inv InventoryClient
}

func (s *OrderServer) Forward(ctx context.Context, req *connect.Request[OrderRequest]) (*connect.Response[Order], error) {
	item, err := s.inv.GetItem(ctx, connect.NewRequest(&ItemRequest{ID: req.Msg.ItemID}))
	if err != nil {
		return nil, err // want `upstream gRPC error err is returned to the client with its code; map the code to a code of this service`
	}
	return connect.NewResponse(&Order{ItemName: item.Msg.Name}), nil
}

func (s *OrderServer) Code(ctx context.Context, req *connect.Request[OrderRequest]) (*connect.Response[Order], error) {
	_, err := s.inv.GetItem(ctx, connect.NewRequest(&ItemRequest{ID: req.Msg.ItemID}))
	if err != nil {
		return nil, connect.NewError(connect.CodeOf(err), errors.New("inventory lookup failed")) // want `upstream gRPC code connect.CodeOf\(err\) is returned to the client; map it to a code of this service`
	}
	return connect.NewResponse(&Order{}), nil
}

// Mapped chooses its own code.
func (s *OrderServer) Mapped(ctx context.Context, req *connect.Request[OrderRequest]) (*connect.Response[Order], error) {
	_, err := s.inv.GetItem(ctx, connect.NewRequest(&ItemRequest{ID: req.Msg.ItemID}))
	if err != nil {
		if connect.CodeOf(err) == connect.CodeNotFound {
			return nil, connect.NewError(connect.CodeNotFound, errors.New("no such item"))
		}
		return nil, connect.NewError(connect.CodeUnavailable, errors.New("inventory unavailable"))
	}
	return connect.NewResponse(&Order{}), nil
}

// ProxyServer forwards the call whole: a proxy.
type ProxyServer struct {
	inv InventoryClient
}

func (p *ProxyServer) GetItem(ctx context.Context, req *connect.Request[ItemRequest]) (*connect.Response[Item], error) {
	return p.inv.GetItem(ctx, req)
}
