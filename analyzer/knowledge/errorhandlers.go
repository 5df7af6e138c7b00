package knowledge

// An ErrorFramework is how a framework answers the errors its handlers
// return (a row of a framework file).
type ErrorFramework struct {
	Name string // "fiber", "echo": matches InstalledHandler.Framework
	// Handler is the context of the framework's handlers,
	// func(ctx) error.
	Handler HandlerCtx
	// InstallType and InstallField are where an error handler is
	// installed (fiber.Config's ErrorHandler), and ErrParam the index of
	// the error among its parameters.
	InstallType  [2]string
	InstallField string
	ErrParam     int
	// ErrorType is the framework's error type whose message and code
	// are sent (*fiber.Error, *echo.HTTPError).
	ErrorType [2]string
	// New creates an app, answered by Default unless the package
	// installs an error handler of its own ("" and nil: no default is
	// modelled).
	New     string
	Default *InstalledHandler
	// InstallCall is a function that installs the handler it is given
	// as argument InstallArg (go-zero's httpx.SetErrorHandler), instead
	// of a field store. Returns: the handler returns the status and the
	// body to send, func(err error) (int, any), instead of writing them.
	InstallCall string
	InstallArg  int
	Returns     bool
	// Delegates are the framework's own error handling functions: an
	// installed handler that calls one hands its errors to the framework's
	// default answer (echo's e.DefaultHTTPErrorHandler(err, c) after
	// logging), which sends a framework error's message.
	Delegates []string
}

// An InstalledHandler is an error handler a package installs, or the
// framework's default one where it creates an app without any.
type InstalledHandler struct {
	Framework string // "fiber" or "echo"; AdapterFramework for an error-returning adapter type
	Name      string // the handler, for messages: "fiber's default error handler", "errorHandler", "" for a literal
	Func      string // the handler's full name, when it is a declared function
	Pos       string // where it is declared or installed (file:line), for messages
	// Sinks are the sinks the handler's error reaches, as SinkParams of
	// parameter 0 (the error).
	Sinks []SinkParam
	// StatusReads are what the handler reads of the error to write the
	// status (a field of the module's error type: "Code"), where it
	// writes one from the error.
	StatusReads []string
	// Delegates: the handler calls the framework's own error handling
	// (ErrorFramework.Delegates) with what it gets.
	Delegates bool
}

// AdapterFramework is the Framework of an InstalledHandler that is not a
// framework's but the module's own: an error-returning adapter type whose
// ServeHTTP writes the errors its handlers return.
const AdapterFramework = "adapter"

// An ErrorMiddleware is how a framework answers the errors handlers
// attach to their context (gin's c.Error, ErrorCalls): a middleware, a
// function whose one parameter is the context Ctx, writes them. Reads is
// what it reads of the context to reach an attached error
// (c.Errors.Last().Err: "Errors/[]/Err"); where it writes that error's
// text, the attached error reaches the client.
type ErrorMiddleware struct {
	Framework string // matches ErrorCall.Framework and InstalledHandler.Framework
	Ctx       HandlerCtx
	Reads     string
}

// ErrorMiddlewares are the frameworks' error middleware shapes.
var ErrorMiddlewares []ErrorMiddleware

// IsErrorMiddleware reports whether handlers installed for framework are
// error middleware (InstalledHandler.Framework).
func IsErrorMiddleware(framework string) bool {
	for _, m := range ErrorMiddlewares {
		if m.Framework == framework {
			return true
		}
	}
	return false
}
