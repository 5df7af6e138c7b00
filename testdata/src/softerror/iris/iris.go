// Package iris: iris answers 200 unless a status is set.
package iris

import (
	"net/http"

	"github.com/kataras/iris/v12"
)

func lookup(ctx iris.Context) {
	if ctx.URLParam("id") == "" {
		_ = ctx.JSON(iris.Map{"status": "error", "message": "id is required"}) // want `failure envelope iris.Map \(status: "error"\) is sent with status 200 \(no status written on this path\)`
		return
	}
	ctx.StatusCode(http.StatusNoContent)
}

func withStatus(ctx iris.Context) {
	ctx.StatusCode(http.StatusNotFound)
	_ = ctx.JSON(iris.Map{"error": "not found"})
}
