// Package router is a minimal stub of
// github.com/kataras/iris/v12/core/router v12.2.11 for analysistest.
package router

import "github.com/kataras/iris/v12/context"

// APIBuilder is the main Party implementation.
type APIBuilder struct {
	routes []*Route
}

// Route contains the information about a registered Route.
type Route struct {
	Name string
}

// OnErrorCode registers handlers for an HTTP error status code.
func (api *APIBuilder) OnErrorCode(statusCode int, handlers ...context.Handler) (routes []*Route) {
	return nil
}

// OnAnyErrorCode registers handlers for every HTTP error status code.
func (api *APIBuilder) OnAnyErrorCode(handlers ...context.Handler) (routes []*Route) {
	return nil
}

// Get registers a route for the Get HTTP Method.
func (api *APIBuilder) Get(relativePath string, handlers ...context.Handler) *Route { return nil }
