// Package hertz: hertz handlers answer through *app.RequestContext.
package hertz

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/client"
	"github.com/cloudwego/hertz/pkg/protocol"
)

var cli, _ = client.NewClient()

func forward(ctx context.Context, c *app.RequestContext) {
	code, body, err := cli.Get(ctx, nil, "http://inventory.internal/items/"+c.Param("id"))
	if err != nil {
		c.JSON(http.StatusBadGateway, map[string]string{"error": "inventory unavailable"})
		return
	}
	c.Data(code, "application/json", []byte(`{"ok":true}`)) // want `upstream status code is forwarded to the client; map it to a status of this service`
	_ = body
}

func stdlib(ctx context.Context, c *app.RequestContext) {
	resp, err := http.Get("http://inventory.internal/items")
	if err != nil {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	c.SetStatusCode(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
}

func mapped(ctx context.Context, c *app.RequestContext) {
	code, _, err := cli.Get(ctx, nil, "http://inventory.internal/items")
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
	c.JSON(resp.StatusCode(), map[string]int{"items": len(resp.Body())}) // want `upstream status resp.StatusCode\(\) is forwarded`
}

// doMapped decides its own status from the upstream's.
func doMapped(ctx context.Context, c *app.RequestContext) {
	var resp protocol.Response
	req := protocol.AcquireRequest()
	if err := client.Do(ctx, req, &resp); err != nil || resp.StatusCode() >= 500 {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	c.JSON(http.StatusOK, map[string]int{"items": len(resp.Body())})
}
