// Package context is a minimal stub of
// github.com/kataras/iris/v12/context v12.2.11 for analysistest: every
// declaration has the real package's signature and receiver kind; bodies
// are trivial. Declarations the tests do not need are omitted.
package context

// Context is the midle-man server's "object" dealing with incoming requests.
type Context struct {
	id int
}

// Handler responds to an HTTP request.
type Handler = func(*Context)

func (ctx *Context) Params() *RequestParams                                          { return nil }
func (ctx *Context) URLParam(name string) string                                     { return "" }
func (ctx *Context) StatusCode(statusCode int)                                       {}
func (ctx *Context) StopWithStatus(statusCode int)                                   {}
func (ctx *Context) StopWithText(statusCode int, format string, args ...interface{}) {}
func (ctx *Context) StopWithError(statusCode int, err error)                         {}
func (ctx *Context) StopWithJSON(statusCode int, jsonObject interface{}) error       { return nil }
func (ctx *Context) WriteString(body string) (n int, err error)                      { return 0, nil }
func (ctx *Context) JSON(v interface{}, opts ...JSON) (err error)                    { return nil }
func (ctx *Context) ReadJSON(outPtr interface{}, opts ...JSONReader) error           { return nil }

// RequestParams are the named path parameters.
type RequestParams struct{}

func (r *RequestParams) Get(key string) string { return "" }

// JSON contains the options for the JSON (Context's) Renderer.
type JSON struct {
	Indent string `yaml:"Indent"`
}

// JSONReader holds the JSON decode options of the Context.ReadJSON method.
type JSONReader struct {
	DisallowUnknownFields bool
}

// Map is just a type alias of the map[string]interface{} type.
type Map = map[string]interface{}
