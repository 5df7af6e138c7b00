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

// Error pages run with the error status already written.
func routes() {
	app := iris.New()
	app.OnErrorCode(http.StatusNotFound, notFound)
	app.OnAnyErrorCode(func(ctx iris.Context) {
		ctx.WriteString("something went wrong")
	})
	app.Get("/", index)
}

func notFound(ctx iris.Context) {
	ctx.WriteString("not found")
}

// index is an ordinary route: its error text is sent with 200.
func index(ctx iris.Context) {
	ctx.WriteString("not found") // want `error text "not found" is sent with status 200`
}
