// Package iris: dependency errors sent by iris handlers.
package iris

import (
	"net/http"

	"github.com/kataras/iris/v12"
)

var client = &http.Client{}

type order struct{ ID string }

func leakError(ctx iris.Context) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		ctx.StopWithError(http.StatusBadGateway, err) // want `dependency error err is sent to the client; log it and send a generic message`
		return
	}
	ctx.StatusCode(http.StatusNoContent)
}

func leakJSON(ctx iris.Context) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		_ = ctx.StopWithJSON(http.StatusBadGateway, map[string]string{"error": err.Error()}) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	ctx.StatusCode(http.StatusNoContent)
}

// read: the client's own input
func read(ctx iris.Context) {
	var o order
	if err := ctx.ReadJSON(&o); err != nil {
		ctx.StopWithError(http.StatusInternalServerError, err)
		return
	}
	_ = ctx.JSON(o)
}
