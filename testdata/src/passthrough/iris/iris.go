// Package iris: iris handlers answer through iris.Context.
package iris

import (
	"net/http"

	"github.com/kataras/iris/v12"
)

var client = &http.Client{}

func forward(ctx iris.Context) {
	resp, err := client.Get("http://inventory.internal/items/" + ctx.Params().Get("id"))
	if err != nil {
		ctx.StopWithStatus(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	ctx.StatusCode(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded to the client; map it to a status of this service`
	_ = ctx.JSON(map[string]bool{"ok": true})
}

func mapped(ctx iris.Context) {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		ctx.StopWithStatus(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 {
		ctx.StopWithStatus(http.StatusBadGateway)
		return
	}
	_ = ctx.JSON(map[string]bool{"ok": true})
}
