// Package hertz: an error answered with an explicit 200.
package hertz

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
)

func lookup(ctx context.Context, c *app.RequestContext) {
	if c.Query("id") == "" {
		c.JSON(http.StatusOK, map[string]string{"error": "id is required"}) // want `error-only body map\[string\]string is sent with explicit status 200; use an error status`
		return
	}
	c.JSON(http.StatusOK, map[string]any{"code": 500, "msg": "lookup failed"}) // want `failure envelope map\[string\]any \(code: 500\) is sent with explicit status 200`
}

func withStatus(ctx context.Context, c *app.RequestContext) {
	c.JSON(http.StatusNotFound, map[string]string{"error": "not found"})
}
