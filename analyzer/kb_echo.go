package analyzer

// echo v4 (github.com/labstack/echo/v4): handlers take the echo.Context
// interface and return an error, which the app's HTTPErrorHandler
// answers.

const echo = "github.com/labstack/echo/v4"

func init() {
	register(knowledge{
		Imports: []string{echo},
		Sinks: map[string]sinkRow{
			// echo v4: echo.Context is an interface; echo.NewHTTPError's message
			// is sent, its SetInternal cause is not.
			"(" + echo + ".Context).JSON":       status(1).body(2),
			"(" + echo + ".Context).JSONPretty": status(1).body(2),
			"(" + echo + ".Context).JSONBlob":   status(1).body(2),
			"(" + echo + ".Context).JSONP":      status(1).body(3),
			"(" + echo + ".Context).JSONPBlob":  status(1).body(3),
			"(" + echo + ".Context).XML":        status(1).body(2),
			"(" + echo + ".Context).XMLPretty":  status(1).body(2),
			"(" + echo + ".Context).XMLBlob":    status(1).body(2),
			"(" + echo + ".Context).String":     status(1).body(2),
			"(" + echo + ".Context).HTML":       status(1).body(2),
			"(" + echo + ".Context).HTMLBlob":   status(1).body(2),
			"(" + echo + ".Context).Blob":       status(1).body(3),
			"(" + echo + ".Context).Stream":     status(1).body(3),
			"(" + echo + ".Context).NoContent":  status(1),
			"(" + echo + ".Context).Redirect":   status(1),
			"(*" + echo + ".Response).Write":    body(1),
			echo + ".NewHTTPError":              status(0).body(1).variadic(),
		},
		ClientInput: map[string]inputRow{
			"(github.com/labstack/echo/v4.Context).Bind":                   anyInput,
			"(github.com/labstack/echo/v4.Context).Validate":               anyInput,
			"(github.com/labstack/echo/v4.Context).FormFile":               anyInput,
			"(github.com/labstack/echo/v4.Context).MultipartForm":          anyInput,
			"(*github.com/labstack/echo/v4.DefaultBinder).Bind":            anyInput,
			"(*github.com/labstack/echo/v4.DefaultBinder).BindBody":        anyInput,
			"(*github.com/labstack/echo/v4.DefaultBinder).BindQueryParams": anyInput,
			"(*github.com/labstack/echo/v4.DefaultBinder).BindPathParams":  anyInput,
			"(*github.com/labstack/echo/v4.DefaultBinder).BindHeaders":     anyInput,
			"(*github.com/labstack/echo/v4.ValueBinder).BindError":         anyInput,
			"(*github.com/labstack/echo/v4.ValueBinder).BindErrors":        anyInput,
		},
		Contexts: []HandlerCtx{{Pkg: echo, Name: "Context", Setter: ".Response().WriteHeader"}},
		ErrorHandlers: []errorFramework{{
			Name: "echo", Handler: HandlerCtx{Pkg: echo, Name: "Context"},
			InstallType: [2]string{echo, "Echo"}, InstallField: "HTTPErrorHandler", ErrParam: 0,
			ErrorType: [2]string{echo, "HTTPError"},
		}},
	})
}
