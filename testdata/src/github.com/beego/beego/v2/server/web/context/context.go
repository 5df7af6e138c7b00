// Package context is a minimal stub of
// github.com/beego/beego/v2/server/web/context v2.3.8 for analysistest:
// every declaration has the real package's signature and receiver kind;
// bodies are trivial. Declarations the tests do not need are omitted.
package context

import "net/http"

// Context is the http request context struct for beego.
type Context struct {
	Output  *BeegoOutput
	Request *http.Request
}

// BeegoOutput does work for sending response header.
type BeegoOutput struct {
	Context *Context
	Status  int
}

func (ctx *Context) Abort(status int, body string)  {}
func (ctx *Context) WriteString(content string)     {}
func (ctx *Context) BindJSON(obj interface{}) error { return nil }

func (output *BeegoOutput) SetStatus(status int)                                       {}
func (output *BeegoOutput) Body(content []byte) error                                  { return nil }
func (output *BeegoOutput) JSON(data interface{}, hasIndent bool, encoding bool) error { return nil }
