// Package beego: dependency errors sent by beego controllers.
package beego

import (
	"net/http"

	"github.com/beego/beego/v2/server/web"
)

var client = &http.Client{}

var dryRun bool

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

// response is the envelope casdoor's controllers answer with.
type response struct {
	Status string `json:"status"`
	Msg    string `json:"msg"`
	Data   any    `json:"data,omitempty"`
}

// respond serves resp as the controller's JSON: c.Data["json"] = …;
// c.ServeJSON().
func (c *OrderController) respond(resp *response) {
	c.Data["json"] = resp
	_ = c.ServeJSON()
}

func wrapResponse(err error) *response {
	if err != nil {
		return &response{Status: "error", Msg: err.Error()}
	}
	return &response{Status: "ok"}
}

func (c *OrderController) Delete() {
	_, err := client.Get("http://inventory.internal/items")
	c.Ctx.Output.SetStatus(http.StatusBadGateway)
	c.Data["json"] = wrapResponse(err) // want `dependency error wrapResponse\(err\) is sent to the client`
	_ = c.ServeJSON()
}

func (c *OrderController) fail(msg string) {
	c.Ctx.Output.SetStatus(http.StatusBadGateway)
	c.respond(&response{Status: "error", Msg: msg})
}

func (c *OrderController) Put() {
	if dryRun {
		c.Data["json"] = &response{Status: "ok"}
		_ = c.ServeJSON() // serves only the value stored before it
		return
	}
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		c.fail(err.Error()) // want `dependency error err.Error\(\) is sent to the client by fail`
		return
	}
	if _, err := client.Get("http://pricing.internal/prices"); err != nil {
		c.Ctx.Output.SetStatus(http.StatusBadGateway)
		c.Data["json"] = map[string]string{"error": err.Error()}
		_ = c.ServeJSON() // want `dependency error .*is sent to the client`
		return
	}
	c.fail("not modified") // our own text
}
