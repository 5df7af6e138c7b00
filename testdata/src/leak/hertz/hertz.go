// Package hertz: dependency errors sent by hertz handlers.
package hertz

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/client"
	"github.com/cloudwego/hertz/pkg/protocol"
)

var cli, _ = client.NewClient()

type order struct{ ID string }

func leakJSON(ctx context.Context, c *app.RequestContext) {
	_, _, err := cli.Get(ctx, nil, "http://inventory.internal/items")
	if err != nil {
		c.JSON(http.StatusBadGateway, map[string]string{"error": err.Error()}) // want `dependency error err.Error\(\) is sent to the client; log it and send a generic message`
		return
	}
	c.Status(http.StatusOK)
}

func leakMsg(ctx context.Context, c *app.RequestContext) {
	if _, _, err := cli.Get(ctx, nil, "http://inventory.internal/items"); err != nil {
		c.AbortWithMsg(err.Error(), http.StatusBadGateway) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	c.Status(http.StatusOK)
}

// bound: the client's own input
func bound(ctx context.Context, c *app.RequestContext) {
	var o order
	if err := c.BindAndValidate(&o); err != nil {
		c.String(http.StatusInternalServerError, err.Error())
		return
	}
	c.JSON(http.StatusOK, o)
}

// doBody: the body Do filled is the upstream's, sent on its failure.
func doBody(ctx context.Context, c *app.RequestContext) {
	req, resp := protocol.AcquireRequest(), protocol.AcquireResponse()
	defer protocol.ReleaseResponse(resp)
	req.SetRequestURI("http://inventory.internal/items")
	if err := cli.Do(ctx, req, resp); err != nil {
		c.String(http.StatusBadGateway, err.Error()) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	if resp.StatusCode() != http.StatusOK {
		c.Data(http.StatusBadGateway, "text/plain", resp.Body()) // want `upstream error body resp.Body\(\) is sent to the client`
		return
	}
	c.Status(http.StatusNoContent)
}
