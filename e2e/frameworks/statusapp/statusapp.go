// Package statusapp: the server-error status rule of the leak check on
// errors whose origin the handlers cannot see (an interface), with the
// module's helpers in another package.
package statusapp

import (
	"context"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"example.com/e2eframeworks/statusapp/respond"
)

// Orders is implemented elsewhere in the program.
type Orders interface {
	ByUser(ctx context.Context, id int) ([]string, error)
}

type Handler struct{ Orders Orders }

func (h *Handler) Routes(g *gin.Engine) {
	g.GET("/a", h.direct)
	g.GET("/b", h.helpers)
}

func (h *Handler) direct(c *gin.Context) {
	id, err := strconv.Atoi(c.Query("id"))
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // the client's input
		return
	}
	list, err := h.Orders.ByUser(c, id)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	if len(list) == 0 {
		if _, err := h.Orders.ByUser(c, id+1); err != nil {
			c.String(http.StatusNotFound, "no orders: %v", err) // a client-error status
			return
		}
	}
	c.JSON(http.StatusOK, list)
}

func (h *Handler) helpers(c *gin.Context) {
	if _, err := h.Orders.ByUser(c, 1); err != nil {
		respond.ServerError(c, err) // the helper's finding
		return
	}
	if _, err := h.Orders.ByUser(c, 2); err != nil {
		respond.Error(c, http.StatusInternalServerError, err) // the helper drops the text for 5xx
		return
	}
	c.Status(http.StatusNoContent)
}
