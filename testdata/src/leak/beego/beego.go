// Package beego: dependency errors sent by beego controllers.
package beego

import (
	"net/http"

	"github.com/beego/beego/v2/server/web"
)

var client = &http.Client{}

type order struct{ ID string }

type OrderController struct {
	web.Controller
}

func (c *OrderController) Get() {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		c.CustomAbort(http.StatusBadGateway, err.Error()) // want `dependency error err.Error\(\) is sent to the client; log it and send a generic message`
		return
	}
	c.Ctx.Output.SetStatus(http.StatusNoContent)
}

func (c *OrderController) Post() {
	var o order
	if err := c.BindJSON(&o); err != nil {
		c.CustomAbort(http.StatusInternalServerError, err.Error()) // the client's own input
		return
	}
	if _, err := client.Get("http://inventory.internal/items/" + o.ID); err != nil {
		c.Ctx.Output.SetStatus(http.StatusBadGateway)
		_ = c.Ctx.Output.JSON(map[string]string{"error": err.Error()}, false, false) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	c.Ctx.Output.SetStatus(http.StatusNoContent)
}
