package knowledge

// echo v5 (github.com/labstack/echo/v5): handlers take *echo.Context, a
// struct now, and return an error; the app's HTTPErrorHandler takes the
// context first, func(c *echo.Context, err error). echo.New installs
// DefaultHTTPErrorHandler(false), which sends http.StatusText, not the
// error's text: it is not a sink. c.Response() is an http.ResponseWriter
// (the net/http rows).

const echo5 = "github.com/labstack/echo/v5"

func init() {
	register(rowSet{
		Imports: []string{echo5},
		Sinks: withRows(echoContextSinks("(*"+echo5+".Context)."), map[string]SinkRow{
			"(*" + echo5 + ".Context).Render":       status(1).body(3),
			"(*" + echo5 + ".Response).WriteHeader": status(1),
			"(*" + echo5 + ".Response).Write":       body(1),
			// NewHTTPError(code, message): the message is sent; an error
			// attached with Wrap is not (unless exposeError)
			echo5 + ".NewHTTPError": status(0).body(1),
		}),
		ClientInput: map[string]InputRow{
			"(*" + echo5 + ".Context).Bind":           AnyInput,
			"(*" + echo5 + ".Context).Validate":       AnyInput,
			"(*" + echo5 + ".Context).ValidateCtx":    AnyInput,
			"(*" + echo5 + ".Context).FormFile":       AnyInput,
			"(*" + echo5 + ".Context).MultipartForm":  AnyInput,
			echo5 + ".BindBody":                       AnyInput,
			echo5 + ".BindQueryParams":                AnyInput,
			echo5 + ".BindPathValues":                 AnyInput,
			echo5 + ".BindHeaders":                    AnyInput,
			"(*" + echo5 + ".DefaultBinder).Bind":     AnyInput,
			"(*" + echo5 + ".ValueBinder).BindError":  AnyInput,
			"(*" + echo5 + ".ValueBinder).BindErrors": AnyInput,
		},
		Contexts: []HandlerCtx{{Pkg: echo5, Name: "Context", Pointer: true, Setter: ".Response().WriteHeader"}},
		// e.HTTPErrorHandler = h, or echo.NewWithConfig(echo.Config{HTTPErrorHandler: h})
		ErrorHandlers: []ErrorFramework{{
			Name: "echo5", Handler: HandlerCtx{Pkg: echo5, Name: "Context", Pointer: true},
			InstallType: [2]string{echo5, "Echo"}, InstallField: "HTTPErrorHandler", ErrParam: 1,
			ErrorType: [2]string{echo5, "HTTPError"},
		}, {
			Name: "echo5", Handler: HandlerCtx{Pkg: echo5, Name: "Context", Pointer: true},
			InstallType: [2]string{echo5, "Config"}, InstallField: "HTTPErrorHandler", ErrParam: 1,
			ErrorType: [2]string{echo5, "HTTPError"},
		}},
	})
}
