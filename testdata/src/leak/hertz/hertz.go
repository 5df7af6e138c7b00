// Package hertz: dependency errors sent by hertz handlers.
package hertz

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/client"
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
