// Package connectapp has Connect handlers written against the real
// connectrpc.com/connect module. (Real services use generated protobuf
// messages; the checks look at the handler and client shapes only.)
package connectapp

import (
	"context"
	"database/sql"
	"errors"
	"net/http"

	"connectrpc.com/connect"
)

type ItemRequest struct{ ID string }
type Item struct{ Name string }
type OrderRequest struct{ ItemID string }
type Order struct{ ItemName string }

// InventoryClient is the client of the upstream service.
type InventoryClient interface {
	GetItem(context.Context, *connect.Request[ItemRequest]) (*connect.Response[Item], error)
}

type inventoryClient struct {
	getItem *connect.Client[ItemRequest, Item]
}

// NewInventoryClient builds the client, as generated code does.
func NewInventoryClient(hc connect.HTTPClient, base string) InventoryClient {
	return &inventoryClient{getItem: connect.NewClient[ItemRequest, Item](hc, base+"/inventory.v1.Inventory/GetItem")}
}

func (c *inventoryClient) GetItem(ctx context.Context, req *connect.Request[ItemRequest]) (*connect.Response[Item], error) {
	return c.getItem.CallUnary(ctx, req)
}

// OrderServer implements the service.
type OrderServer struct {
	Inv InventoryClient
	DB  *sql.DB
}

// New creates the server.
func New(db *sql.DB) *OrderServer {
	return &OrderServer{Inv: NewInventoryClient(http.DefaultClient, "http://inventory.internal"), DB: db}
}

func (s *OrderServer) Forward(ctx context.Context, req *connect.Request[OrderRequest]) (*connect.Response[Order], error) {
	item, err := s.Inv.GetItem(ctx, connect.NewRequest(&ItemRequest{ID: req.Msg.ItemID}))
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&Order{ItemName: item.Msg.Name}), nil
}

func (s *OrderServer) Stored(ctx context.Context, req *connect.Request[OrderRequest]) (*connect.Response[Order], error) {
	var o Order
	if err := s.DB.QueryRowContext(ctx, "select item_name from orders where item_id = $1", req.Msg.ItemID).Scan(&o.ItemName); err != nil {
		return nil, connect.NewError(connect.CodeInternal, err)
	}
	return connect.NewResponse(&o), nil
}

// Mapped chooses its own code and message.
func (s *OrderServer) Mapped(ctx context.Context, req *connect.Request[OrderRequest]) (*connect.Response[Order], error) {
	if _, err := s.Inv.GetItem(ctx, connect.NewRequest(&ItemRequest{ID: req.Msg.ItemID})); err != nil {
		if connect.CodeOf(err) == connect.CodeNotFound {
			return nil, connect.NewError(connect.CodeNotFound, errors.New("no such item"))
		}
		return nil, connect.NewError(connect.CodeUnavailable, errors.New("inventory unavailable"))
	}
	return connect.NewResponse(&Order{}), nil
}

// Proxy forwards the call whole.
func (s *OrderServer) Proxy(ctx context.Context, req *connect.Request[ItemRequest]) (*connect.Response[Item], error) {
	return s.Inv.GetItem(ctx, req)
}
