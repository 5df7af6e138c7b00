// Package fiber is a minimal stub of github.com/gofiber/fiber/v3 v3.1.0
// for analysistest: every declaration has the real package's signature
// and receiver kind; bodies are trivial. Declarations the tests do not
// need are omitted (Ctx has a subset of its methods).
package fiber

import (
	"io"
	"mime/multipart"
)

// Handler defines a function to serve HTTP requests.
type Handler = func(Ctx) error

// ErrorHandler defines a function that will process all errors
// returned from any handlers in the stack.
type ErrorHandler = func(Ctx, error) error

// Map is a shortcut for map[string]any.
type Map map[string]any

// Error represents an error that occurred while handling a request.
type Error struct {
	Message string `json:"message"`
	Code    int    `json:"code"`
}

// App denotes the Fiber application.
type App struct {
	config Config
}

// Config is a struct holding the server settings.
type Config struct {
	ErrorHandler ErrorHandler `json:"-"`
}

// Router defines all router handle interface.
type Router interface{}

// Bind binds the request to a value.
type Bind struct{}

// Ctx represents the Context which hold the HTTP request and response.
type Ctx interface {
	Get(key string, defaultValue ...string) string
	Params(key string, defaultValue ...string) string
	Query(key string, defaultValue ...string) string
	Bind() *Bind
	FormFile(key string) (*multipart.FileHeader, error)
	Status(status int) Ctx
	JSON(data any, ctype ...string) error
	XML(data any) error
	Send(body []byte) error
	SendStatus(status int) error
	SendString(body string) error
	SendStream(stream io.Reader, size ...int) error
	Write(p []byte) (int, error)
	WriteString(s string) (int, error)
}

const (
	StatusOK                  = 200 // RFC 9110, 15.3.1
	StatusNoContent           = 204 // RFC 9110, 15.3.5
	StatusBadRequest          = 400 // RFC 9110, 15.5.1
	StatusNotFound            = 404 // RFC 9110, 15.5.5
	StatusInternalServerError = 500 // RFC 9110, 15.6.1
	StatusBadGateway          = 502 // RFC 9110, 15.6.3
)

// New creates a new Fiber named instance.
func New(config ...Config) *App { return &App{} }

// NewError creates a new Error instance with an optional message.
func NewError(code int, message ...string) *Error { return &Error{Code: code} }

// DefaultErrorHandler that process return errors from handlers.
func DefaultErrorHandler(c Ctx, err error) error { return nil }

func (e *Error) Error() string { return e.Message }

func (app *App) Get(path string, handler any, handlers ...any) Router  { return nil }
func (app *App) Post(path string, handler any, handlers ...any) Router { return nil }

func (b *Bind) Body(out any) error  { return nil }
func (b *Bind) Query(out any) error { return nil }
func (b *Bind) JSON(out any) error  { return nil }
