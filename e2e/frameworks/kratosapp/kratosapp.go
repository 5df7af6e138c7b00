// Package kratosapp has a kratos service and a custom HTTP route written
// against the real kratos v2 module.
package kratosapp

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/go-kratos/kratos/v2/errors"
	khttp "github.com/go-kratos/kratos/v2/transport/http"

	"example.com/e2eframeworks/pb"
)

var client = &http.Client{}

// OrderService implements the Orders service for kratos' transports.
type OrderService struct {
	pb.UnimplementedOrdersServer
	DB *sql.DB
}

func (s *OrderService) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	var name string
	if err := s.DB.QueryRowContext(ctx, "select name from orders where id = $1", in.GetId()).Scan(&name); err != nil {
		return nil, errors.InternalServer("ORDER_LOOKUP", err.Error())
	}
	return &pb.Order{Id: in.GetId(), ItemName: name}, nil
}

func checkInventory() error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return errors.ServiceUnavailable("INVENTORY", "inventory unavailable").WithCause(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.StatusCode, "INVENTORY", "inventory failed")
	}
	return nil
}

// Export is a custom route.
func Export(ctx khttp.Context) error {
	if err := checkInventory(); err != nil {
		return err
	}
	if ctx.Request().URL.Query().Get("id") == "" {
		return ctx.JSON(http.StatusOK, map[string]string{"error": "id is required"})
	}
	return ctx.JSON(http.StatusNoContent, nil)
}
