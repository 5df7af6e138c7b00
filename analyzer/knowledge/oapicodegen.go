package knowledge

// oapi-codegen's strict servers for net/http (its std-http, chi and
// gorilla targets): the module implements the generated
// StrictServerInterface, whose methods return a typed response or an
// error, and hands its implementation to the generated NewStrictHandler.
// The generated wrapper writes a typed response (engine.TypedResponses)
// and gives a returned error to the ResponseErrorHandlerFunc of its
// StrictHTTPServerOptions: the one the module passes to
// NewStrictHandlerWithOptions, or the generated default,
//
//	func(w http.ResponseWriter, r *http.Request, err error) {
//		http.Error(w, err.Error(), http.StatusInternalServerError)
//	}
//
// The names are the generator's, in whatever package the module
// generates the server into; the options type tells the net/http targets
// from echo's, gin's and fiber's, which hand errors to their framework.

// A StrictServer is a generated constructor of a strict server.
type StrictServer struct {
	Constructor string // the function, in the generated package
	Interface   string // the type of its parameter 0, the module's implementation
	// OptionsType is the options struct of the generated package, and
	// Field its func field that answers the errors the implementation
	// returns, ErrParam the error's index among that func's parameters.
	OptionsType string
	Field       string
	ErrParam    int
	// OptionsArg is the constructor's parameter holding the options, or
	// -1 where the constructor installs the default.
	OptionsArg int
	// Default is what the generated default handler does with the error:
	// used where the generated package's code is not at hand (another
	// package; the one at hand is analysed instead).
	Default SinkParam
}

// StrictServers are oapi-codegen's strict server constructors.
var StrictServers = []StrictServer{
	{Constructor: "NewStrictHandler", OptionsArg: -1, Interface: "StrictServerInterface",
		OptionsType: "StrictHTTPServerOptions", Field: "ResponseErrorHandlerFunc", ErrParam: 2, Default: strictDefault},
	{Constructor: "NewStrictHandlerWithOptions", OptionsArg: 2, Interface: "StrictServerInterface",
		OptionsType: "StrictHTTPServerOptions", Field: "ResponseErrorHandlerFunc", ErrParam: 2, Default: strictDefault},
}

// strictDefault: http.Error(w, err.Error(), http.StatusInternalServerError).
var strictDefault = SinkParam{Role: RoleBody, Reads: OpText, Status: 500}

// StrictFramework is the InstalledHandler.Framework of the error handler
// answering the strict server implemented by the named type typ
// (package path and name).
func StrictFramework(typ string) string { return "oapi-codegen strict server " + typ }
