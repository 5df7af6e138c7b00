// Package fiber is a minimal stub of github.com/gofiber/fiber/v2 v2.52.15
// for analysistest: every declaration has the real package's signature
// and receiver kind; bodies are trivial. Declarations the tests do not
// need are omitted.
package fiber

import (
	"net/http"

	"github.com/valyala/fasthttp"
)

// Handler defines a function to serve HTTP requests.
type Handler = func(*Ctx) error

// Map is a shortcut for map[string]interface{}, useful for JSON returns
type Map map[string]interface{}

// ErrorHandler defines a function that will process all errors
// returned from any handlers in the stack
type ErrorHandler = func(*Ctx, error) error

// Error represents an error that occurred while handling a request.
type Error struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// App denotes the Fiber application.
type App struct {
	config Config
}

// Config is a struct holding the server settings.
type Config struct {
	Prefork      bool         `json:"prefork"`
	ServerHeader string       `json:"server_header"`
	ErrorHandler ErrorHandler `json:"-"`
	AppName      string       `json:"app_name"`
}

// New creates a new Fiber named instance.
func New(config ...Config) *App { return &App{} }

// Use registers a middleware route that will match requests
// with the provided prefix (which is optional and defaults to "/").
func (app *App) Use(args ...interface{}) Router { return app }

// Get registers a route for GET methods that requests a representation
// of the specified resource. Requests using GET should only retrieve data.
func (app *App) Get(path string, handlers ...Handler) Router { return app }

// Post registers a route for POST methods that is used to submit an entity to the
// specified resource, often causing a change in state or side effects on the server.
func (app *App) Post(path string, handlers ...Handler) Router { return app }

// Add allows you to specify a HTTP method to register a route
func (app *App) Add(method, path string, handlers ...Handler) Router { return app }

// Group is used for Routes with common prefix to define a new sub-router with optional middleware.
func (app *App) Group(prefix string, handlers ...Handler) Router { return app }

// Handler returns the server handler.
func (app *App) Handler() fasthttp.RequestHandler { return nil }

// Listen serves HTTP requests from the given addr.
func (app *App) Listen(addr string) error { return nil }

// Test is used for internal debugging by passing a *http.Request.
func (app *App) Test(req *http.Request, msTimeout ...int) (*http.Response, error) { return nil, nil }

// Error makes it compatible with the `error` interface.
func (e *Error) Error() string { return e.Message }

// NewError creates a new Error instance with an optional message
func NewError(code int, message ...string) *Error {
	return &Error{Code: code}
}

// DefaultErrorHandler that process return errors from handlers
func DefaultErrorHandler(c *Ctx, err error) error { return nil }
