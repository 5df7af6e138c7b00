// Package irisapp has handlers written against the real iris v12 module.
package irisapp

import (
	"net/http"

	"github.com/kataras/iris/v12"
)

var client = &http.Client{}

// New creates the application with the routes.
func New() *iris.Application {
	app := iris.New()
	app.Get("/iris/status", forwardStatus)
	app.Get("/iris/leak", leakText)
	app.Get("/iris/soft", soft)
	app.Post("/iris/mapped", mapped)
	app.OnErrorCode(http.StatusNotFound, notFound)
	app.Party("/v1").OnAnyErrorCode(func(ctx iris.Context) { ctx.WriteString("request failed") })
	return app
}

func forwardStatus(ctx iris.Context) {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		ctx.StopWithStatus(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	_ = ctx.StopWithJSON(resp.StatusCode, iris.Map{"ok": true})
}

func leakText(ctx iris.Context) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		ctx.StopWithError(http.StatusBadGateway, err)
		return
	}
	ctx.StatusCode(http.StatusNoContent)
}

func soft(ctx iris.Context) {
	if ctx.URLParam("id") == "" {
		_ = ctx.JSON(iris.Map{"status": "error", "message": "id is required"})
		return
	}
	ctx.StatusCode(http.StatusNoContent)
}

type item struct{ ID string }

// mapped answers with statuses of its own, and the client's read error.
func mapped(ctx iris.Context) {
	var it item
	if err := ctx.ReadJSON(&it); err != nil {
		ctx.StopWithError(http.StatusInternalServerError, err)
		return
	}
	resp, err := client.Get("http://inventory.internal/items/" + it.ID)
	if err != nil {
		ctx.StopWithStatus(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 {
		ctx.StopWithStatus(http.StatusBadGateway)
		return
	}
	_ = ctx.JSON(it)
}

// notFound is an error page: it runs with status 404 already written.
func notFound(ctx iris.Context) {
	ctx.WriteString("not found")
}
