// Package beego: a beego controller that writes 200 before an error.
package beego

import (
	"net/http"

	"github.com/beego/beego/v2/server/web"
)

type ItemController struct {
	web.Controller
}

func (c *ItemController) Get() {
	c.Ctx.Output.SetStatus(http.StatusOK)
	_ = c.Ctx.Output.JSON(map[string]string{"error": "not found"}, false, false) // want `error-only body map\[string\]string is sent with explicit status 200; use an error status`
}

func (c *ItemController) WithStatus() {
	c.Ctx.Output.SetStatus(http.StatusNotFound)
	_ = c.Ctx.Output.JSON(map[string]string{"error": "not found"}, false, false)
}

// Served answers through c.Data["json"] and c.ServeJSON().
func (c *ItemController) Served() {
	c.Ctx.Output.SetStatus(http.StatusOK)
	c.Data["json"] = map[string]string{"error": "not found"}
	_ = c.ServeJSON() // want `error-only body map\[string\]string is sent with explicit status 200; use an error status`
}

func (c *ItemController) ServedWithStatus() {
	c.Ctx.Output.SetStatus(http.StatusNotFound)
	c.Data["json"] = map[string]string{"error": "not found"}
	_ = c.ServeJSON()
}
