// Package api is the transport layer of a layered service: it reaches
// its dependencies through interfaces implemented in sibling packages
// (stock, repo) that it does not import. Only the whole program, as the
// standalone command sees it, resolves them.
package api

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"
	"google.golang.org/grpc"

	"example.com/e2eframeworks/pb"
)

type Stock interface {
	Item(ctx context.Context, id string) (string, error)
}

type Users interface {
	UserName(ctx context.Context, id string) (string, error)
}

// Orders returns the wrapped error of an implementation that calls a
// gRPC client: the upstream's code reaches our client.
type Orders struct {
	pb.UnimplementedOrdersServer
	Stock Stock
}

func Register(s *grpc.Server, stock Stock) { pb.RegisterOrdersServer(s, &Orders{Stock: stock}) }

func (o *Orders) GetOrder(ctx context.Context, in *pb.GetOrderRequest) (*pb.Order, error) {
	name, err := o.Stock.Item(ctx, in.GetItemId())
	if err != nil {
		return nil, err
	}
	return &pb.Order{Id: in.GetId(), ItemName: name}, nil
}

type Handler struct{ Users Users }

func (h *Handler) Routes(r gin.IRouter) { r.GET("/layered/users/:id", h.user) }

func (h *Handler) user(c *gin.Context) {
	name, err := h.Users.UserName(c.Request.Context(), c.Param("id"))
	if err != nil {
		// a gorm error, from an implementation in package repo
		c.JSON(http.StatusNotFound, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, gin.H{"name": name})
}
