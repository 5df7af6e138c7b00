// Package beego: beego controllers answer through c.Ctx.Output.
package beego

import (
	"net/http"

	"github.com/beego/beego/v2/server/web"
)

var client = &http.Client{}

type ItemController struct {
	web.Controller
}

func (c *ItemController) Get() {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		c.CustomAbort(http.StatusBadGateway, "inventory unavailable")
		return
	}
	defer resp.Body.Close()
	c.Ctx.Output.SetStatus(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded to the client; map it to a status of this service`
	_ = c.Ctx.Output.JSON(map[string]bool{"ok": true}, false, false)
}

func (c *ItemController) Mapped() {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil || resp.StatusCode >= 500 {
		c.CustomAbort(http.StatusBadGateway, "inventory unavailable")
		return
	}
	defer resp.Body.Close()
	c.Ctx.Output.SetStatus(http.StatusOK)
}
