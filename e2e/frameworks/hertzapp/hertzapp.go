// Package hertzapp has handlers written against the real hertz module.
package hertzapp

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/client"
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/cloudwego/hertz/pkg/protocol"
)

var cli, _ = client.NewClient()

// New creates the server with the routes.
func New() *server.Hertz {
	h := server.Default()
	h.GET("/hertz/status", forwardStatus)
	h.GET("/hertz/leak", leakText)
	h.GET("/hertz/soft", soft)
	h.GET("/hertz/mapped", mapped)
	h.GET("/hertz/do", doForward)
	h.GET("/hertz/domapped", doMapped)
	return h
}

func forwardStatus(ctx context.Context, c *app.RequestContext) {
	code, _, err := cli.Get(ctx, nil, "http://inventory.internal/items")
	if err != nil {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	c.JSON(code, map[string]bool{"ok": true})
}

func leakText(ctx context.Context, c *app.RequestContext) {
	if _, _, err := cli.Get(ctx, nil, "http://inventory.internal/items"); err != nil {
		c.String(http.StatusBadGateway, err.Error())
		return
	}
	c.Status(http.StatusOK)
}

func soft(ctx context.Context, c *app.RequestContext) {
	if c.Query("id") == "" {
		c.JSON(http.StatusOK, map[string]string{"error": "id is required"})
		return
	}
	c.Status(http.StatusNoContent)
}

type item struct {
	ID string `query:"id"`
}

// mapped answers with statuses of its own, and the client's bind error.
func mapped(ctx context.Context, c *app.RequestContext) {
	var it item
	if err := c.BindAndValidate(&it); err != nil {
		c.String(http.StatusInternalServerError, err.Error())
		return
	}
	code, _, err := cli.Get(ctx, nil, "http://inventory.internal/items/"+it.ID)
	if err != nil || code >= 500 {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	c.Status(http.StatusOK)
}

// doForward: Do fills the response it is given with the upstream's answer.
func doForward(ctx context.Context, c *app.RequestContext) {
	req, resp := protocol.AcquireRequest(), protocol.AcquireResponse()
	defer protocol.ReleaseResponse(resp)
	req.SetRequestURI("http://inventory.internal/items")
	if err := cli.Do(ctx, req, resp); err != nil {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	c.JSON(resp.StatusCode(), map[string]int{"items": len(resp.Body())})
}

// doMapped decides its own status.
func doMapped(ctx context.Context, c *app.RequestContext) {
	var resp protocol.Response
	if err := client.Do(ctx, protocol.AcquireRequest(), &resp); err != nil || resp.StatusCode() >= 500 {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	c.JSON(http.StatusOK, map[string]int{"items": len(resp.Body())})
}
