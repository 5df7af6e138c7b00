// Package web is a minimal stub of github.com/beego/beego/v2/server/web
// v2.3.8 for analysistest.
package web

import "github.com/beego/beego/v2/server/web/context"

// Controller defines some basic http request handler operations.
type Controller struct {
	Ctx  *context.Context
	Data map[interface{}]interface{}
}

func (c *Controller) CustomAbort(status int, body string) {}
func (c *Controller) BindJSON(obj interface{}) error      { return nil }
func (c *Controller) ServeJSON(encoding ...bool) error    { return nil }
