package fiber

import (
	"context"
	"io"

	"github.com/valyala/fasthttp"
)

// Ctx represents the Context which hold the HTTP request and response.
type Ctx struct {
	app      *App
	fasthttp *fasthttp.RequestCtx
}

func (c *Ctx) Body() []byte                                             { return nil }
func (c *Ctx) BodyParser(out interface{}) error                         { return nil }
func (c *Ctx) Context() *fasthttp.RequestCtx                            { return c.fasthttp }
func (c *Ctx) Response() *fasthttp.Response                             { return nil }
func (c *Ctx) UserContext() context.Context                             { return context.Background() }
func (c *Ctx) Get(key string, defaultValue ...string) string            { return "" }
func (c *Ctx) IP() string                                               { return "" }
func (c *Ctx) JSON(data interface{}, ctype ...string) error             { return nil }
func (c *Ctx) JSONP(data interface{}, callback ...string) error         { return nil }
func (c *Ctx) XML(data interface{}) error                               { return nil }
func (c *Ctx) Locals(key interface{}, value ...interface{}) interface{} { return nil }
func (c *Ctx) Method(override ...string) string                         { return "" }
func (c *Ctx) Next() error                                              { return nil }
func (c *Ctx) OriginalURL() string                                      { return "" }
func (c *Ctx) Params(key string, defaultValue ...string) string         { return "" }
func (c *Ctx) ParamsInt(key string, defaultValue ...int) (int, error)   { return 0, nil }
func (c *Ctx) Path(override ...string) string                           { return "" }
func (c *Ctx) Query(key string, defaultValue ...string) string          { return "" }
func (c *Ctx) Redirect(location string, status ...int) error            { return nil }
func (c *Ctx) Render(name string, bind interface{}, layouts ...string) error {
	return nil
}
func (c *Ctx) Send(body []byte) error                       { return nil }
func (c *Ctx) SendFile(file string, compress ...bool) error { return nil }
func (c *Ctx) SendStatus(status int) error                  { return nil }
func (c *Ctx) SendString(body string) error                 { return nil }
func (c *Ctx) SendStream(stream io.Reader, size ...int) error {
	return nil
}
func (c *Ctx) Set(key, val string)                            {}
func (c *Ctx) Status(status int) *Ctx                         { return c }
func (c *Ctx) Type(extension string, charset ...string) *Ctx  { return c }
func (c *Ctx) Write(p []byte) (int, error)                    { return len(p), nil }
func (c *Ctx) Writef(f string, a ...interface{}) (int, error) { return 0, nil }
func (c *Ctx) WriteString(s string) (int, error)              { return len(s), nil }
