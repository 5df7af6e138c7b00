package gin

import (
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// Context is the most important part of gin.
type Context struct {
	writermem responseWriter
	Request   *http.Request
	Writer    ResponseWriter

	Params   Params
	handlers HandlersChain
	index    int8
	fullPath string

	engine *Engine

	mu sync.RWMutex

	// Keys is a key/value pair exclusively for the context of each request.
	Keys map[any]any

	// Errors is a list of errors attached to all the handlers/middlewares who used this context.
	Errors errorMsgs

	// Accepted defines a list of manually accepted formats for content negotiation.
	Accepted []string

	queryCache url.Values
	formCache  url.Values
	sameSite   http.SameSite
}

// responseWriter stands for gin's unexported writer implementation.
type responseWriter struct {
	http.ResponseWriter
	size   int
	status int
}

func (c *Context) Next()                                          {}
func (c *Context) Abort()                                         {}
func (c *Context) IsAborted() bool                                { return false }
func (c *Context) AbortWithStatus(code int)                       {}
func (c *Context) AbortWithStatusPureJSON(code int, jsonObj any)  {}
func (c *Context) AbortWithStatusJSON(code int, jsonObj any)      {}
func (c *Context) AbortWithError(code int, err error) *Error      { return nil }
func (c *Context) Error(err error) *Error                         { return nil }
func (c *Context) Set(key any, value any)                         {}
func (c *Context) Get(key any) (value any, exists bool)           { return nil, false }
func (c *Context) Param(key string) string                        { return "" }
func (c *Context) Query(key string) (value string)                { return "" }
func (c *Context) DefaultQuery(key, defaultValue string) string   { return "" }
func (c *Context) PostForm(key string) (value string)             { return "" }
func (c *Context) Bind(obj any) error                             { return nil }
func (c *Context) BindJSON(obj any) error                         { return nil }
func (c *Context) ShouldBind(obj any) error                       { return nil }
func (c *Context) ShouldBindJSON(obj any) error                   { return nil }
func (c *Context) Status(code int)                                {}
func (c *Context) Header(key, value string)                       {}
func (c *Context) GetHeader(key string) string                    { return "" }
func (c *Context) HTML(code int, name string, obj any)            {}
func (c *Context) IndentedJSON(code int, obj any)                 {}
func (c *Context) SecureJSON(code int, obj any)                   {}
func (c *Context) JSONP(code int, obj any)                        {}
func (c *Context) JSON(code int, obj any)                         {}
func (c *Context) AsciiJSON(code int, obj any)                    {}
func (c *Context) PureJSON(code int, obj any)                     {}
func (c *Context) XML(code int, obj any)                          {}
func (c *Context) YAML(code int, obj any)                         {}
func (c *Context) TOML(code int, obj any)                         {}
func (c *Context) ProtoBuf(code int, obj any)                     {}
func (c *Context) BSON(code int, obj any)                         {}
func (c *Context) String(code int, format string, values ...any)  {}
func (c *Context) Redirect(code int, location string)             {}
func (c *Context) Data(code int, contentType string, data []byte) {}
func (c *Context) File(filepath string)                           {}

func (c *Context) Copy() *Context              { return c }
func (c *Context) FullPath() string            { return "" }
func (c *Context) ClientIP() string            { return "" }
func (c *Context) GetRawData() ([]byte, error) { return nil, nil }
func (c *Context) DataFromReader(code int, contentLength int64, contentType string, reader io.Reader, extraHeaders map[string]string) {
}

// Context implements context.Context.
func (c *Context) Deadline() (deadline time.Time, ok bool) { return }
func (c *Context) Done() <-chan struct{}                   { return nil }
func (c *Context) Err() error                              { return nil }
func (c *Context) Value(key any) any                       { return nil }
