// Package gin is a minimal stub of github.com/gin-gonic/gin v1.12.0 for
// analysistest: every declaration has the real package's signature and
// receiver kind; bodies are trivial. Methods the tests do not need are
// omitted.
package gin

import "net/http"

// HandlerFunc defines the handler used by gin middleware as return value.
type HandlerFunc func(*Context)

// OptionFunc defines the function to change the default configuration.
type OptionFunc func(*Engine)

// HandlersChain defines a HandlerFunc slice.
type HandlersChain []HandlerFunc

// H is a shortcut for map[string]any.
type H map[string]any

// Engine is the framework's instance.
type Engine struct {
	RouterGroup

	RedirectTrailingSlash  bool
	HandleMethodNotAllowed bool
}

// New returns a new blank Engine instance without any middleware attached.
func New(opts ...OptionFunc) *Engine { return &Engine{} }

// Default returns an Engine instance with the Logger and Recovery middleware already attached.
func Default(opts ...OptionFunc) *Engine { return &Engine{} }

// Use attaches a global middleware to the router.
func (engine *Engine) Use(middleware ...HandlerFunc) IRoutes { return engine }

// Run attaches the router to a http.Server and starts listening and serving HTTP requests.
func (engine *Engine) Run(addr ...string) (err error) { return nil }

// ServeHTTP conforms to the http.Handler interface.
func (engine *Engine) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

// IRouter defines all router handle interface includes single and group router.
type IRouter interface {
	IRoutes
	Group(string, ...HandlerFunc) *RouterGroup
}

// IRoutes defines all router handle interface (a subset of its methods).
type IRoutes interface {
	Use(...HandlerFunc) IRoutes

	Handle(string, string, ...HandlerFunc) IRoutes
	GET(string, ...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
}

// RouterGroup is used internally to configure router.
type RouterGroup struct {
	Handlers HandlersChain
	basePath string
	engine   *Engine
	root     bool
}

// Use adds middleware to the group.
func (group *RouterGroup) Use(middleware ...HandlerFunc) IRoutes { return group }

// Group creates a new router group.
func (group *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup {
	return group
}

// Handle registers a new request handle and middleware with the given path and method.
func (group *RouterGroup) Handle(httpMethod, relativePath string, handlers ...HandlerFunc) IRoutes {
	return group
}

// POST is a shortcut for router.Handle("POST", path, handlers).
func (group *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes { return group }

// GET is a shortcut for router.Handle("GET", path, handlers).
func (group *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes { return group }

// Param is a single URL parameter, consisting of a key and a value.
type Param struct {
	Key   string
	Value string
}

// Params is a Param-slice, as returned by the router.
type Params []Param

const (
	DebugMode   = "debug"
	ReleaseMode = "release"
	TestMode    = "test"
)

func Mode() string      { return DebugMode }
func IsDebugging() bool { return true }
