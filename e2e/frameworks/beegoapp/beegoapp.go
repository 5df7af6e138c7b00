// Package beegoapp has controllers written against the real beego v2
// module.
package beegoapp

import (
	"net/http"

	"github.com/beego/beego/v2/server/web"
)

var client = &http.Client{}

// ItemController serves items.
type ItemController struct {
	web.Controller
}

// Routes registers the controllers.
func Routes() {
	web.Router("/beego/items", &ItemController{})
}

func (c *ItemController) Get() {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		c.CustomAbort(http.StatusBadGateway, err.Error())
		return
	}
	defer resp.Body.Close()
	c.Ctx.Output.SetStatus(resp.StatusCode)
	_ = c.Ctx.Output.JSON(map[string]bool{"ok": true}, false, false)
}

func (c *ItemController) Put() {
	c.Ctx.Output.SetStatus(http.StatusOK)
	_ = c.Ctx.Output.JSON(map[string]string{"error": "read only"}, false, false)
}

type item struct{ ID string }

// Post answers with statuses of its own, and the client's bind error.
func (c *ItemController) Post() {
	var it item
	if err := c.BindJSON(&it); err != nil {
		c.CustomAbort(http.StatusInternalServerError, err.Error())
		return
	}
	resp, err := client.Get("http://inventory.internal/items/" + it.ID)
	if err != nil {
		c.CustomAbort(http.StatusBadGateway, "inventory unavailable")
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 {
		c.CustomAbort(http.StatusBadGateway, "inventory unavailable")
		return
	}
	c.Ctx.Output.SetStatus(http.StatusNoContent)
}
