package knowledge

// echo v4 (github.com/labstack/echo/v4): handlers take the echo.Context
// interface and return an error, which the app's HTTPErrorHandler
// answers.

const echo = "github.com/labstack/echo/v4"

func init() {
	register(rowSet{
		Imports: []string{echo},
		// echo.Context is an interface in v4; echo.NewHTTPError's message
		// is sent, its SetInternal cause is not.
		Sinks: withRows(echoContextSinks("("+echo+".Context)."), map[string]SinkRow{
			"(*" + echo + ".Response).Write": body(1),
			echo + ".NewHTTPError":           status(0).body(1).variadic(),
		}),
		ClientInput: map[string]InputRow{
			"(github.com/labstack/echo/v4.Context).Bind":                   AnyInput,
			"(github.com/labstack/echo/v4.Context).Validate":               AnyInput,
			"(github.com/labstack/echo/v4.Context).FormFile":               AnyInput,
			"(github.com/labstack/echo/v4.Context).MultipartForm":          AnyInput,
			"(*github.com/labstack/echo/v4.DefaultBinder).Bind":            AnyInput,
			"(*github.com/labstack/echo/v4.DefaultBinder).BindBody":        AnyInput,
			"(*github.com/labstack/echo/v4.DefaultBinder).BindQueryParams": AnyInput,
			"(*github.com/labstack/echo/v4.DefaultBinder).BindPathParams":  AnyInput,
			"(*github.com/labstack/echo/v4.DefaultBinder).BindHeaders":     AnyInput,
			"(*github.com/labstack/echo/v4.ValueBinder).BindError":         AnyInput,
			"(*github.com/labstack/echo/v4.ValueBinder).BindErrors":        AnyInput,
		},
		Contexts: []HandlerCtx{{Pkg: echo, Name: "Context", Setter: ".Response().WriteHeader"}},
		ErrorHandlers: []ErrorFramework{{
			Name: "echo", Handler: HandlerCtx{Pkg: echo, Name: "Context"},
			InstallType: [2]string{echo, "Echo"}, InstallField: "HTTPErrorHandler", ErrParam: 0,
			ErrorType: [2]string{echo, "HTTPError"},
			Delegates: []string{"(*" + echo + ".Echo).DefaultHTTPErrorHandler"},
		}},
	})
}

// echoContextSinks are the rows of echo's context, v4 and v5 alike, for
// the method prefix of its receiver ("(…/v4.Context).", "(*…/v5.Context).").
func echoContextSinks(recv string) map[string]SinkRow {
	rows := map[string]SinkRow{
		recv + "NoContent": status(1),
		recv + "Redirect":  status(1),
	}
	for _, m := range []string{"JSON", "JSONPretty", "JSONBlob", "XML", "XMLPretty", "XMLBlob", "String", "HTML", "HTMLBlob"} {
		rows[recv+m] = status(1).body(2)
	}
	for _, m := range []string{"JSONP", "JSONPBlob", "Blob", "Stream"} {
		rows[recv+m] = status(1).body(3)
	}
	return rows
}
