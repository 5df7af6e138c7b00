// Package iris is a minimal stub of github.com/kataras/iris/v12 v12.2.11
// for analysistest.
package iris

import (
	"github.com/kataras/iris/v12/context"
	"github.com/kataras/iris/v12/core/router"
)

// Application is responsible to manage the state of the application.
type Application struct {
	*router.APIBuilder
}

// New creates and returns a fresh empty iris *Application instance.
func New() *Application { return &Application{APIBuilder: &router.APIBuilder{}} }

type (
	// Context is the context of a request.
	Context = *context.Context
	// Handler responds to an HTTP request.
	Handler = context.Handler
)

// Map is a shortcut of map[string]interface{}.
type Map = context.Map
