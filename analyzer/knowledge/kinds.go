package knowledge

// Kind says what an upstream-derived value is.
type Kind uint8

const (
	// KindResponse is an *http.Response returned by an upstream call.
	KindResponse Kind = iota + 1
	// KindStatus is the status code of an upstream HTTP response.
	KindStatus
	// KindStatusText is the status line of an upstream response (resp.Status).
	KindStatusText
	// KindBody is the content of an upstream response (its Body, bytes read from it).
	KindBody
	// KindHeader is the header map of an upstream response.
	KindHeader
	// KindDepError is the error result of a call that does I/O against another system.
	KindDepError
	// KindErrText is the text of a dependency error (err.Error(), %v formatting).
	KindErrText
	// KindStack is a stack trace (runtime/debug.Stack, runtime.Stack buffers).
	KindStack
	// KindRequest is an outbound *http.Request (http.NewRequest, resp.Request).
	KindRequest
	// KindURL is the URL or host of an outbound request.
	KindURL
	// KindGRPCError is the error of a gRPC client call: it carries the
	// upstream's status code (grpc-go unwraps %w and errors.Join).
	KindGRPCError
	// KindGRPCStatus is the *status.Status of an upstream gRPC error.
	KindGRPCStatus
	// KindGRPCCode is the codes.Code of an upstream gRPC error.
	KindGRPCCode
	// KindParam is symbolic: the value derives from a parameter of the
	// function being summarised; Reads says how.
	KindParam
	// KindDynamic is symbolic too: the value is result Param of a call
	// through an interface or a function-valued field of the module
	// (Owner is its key, a string: see DynKey), after Reads. Only the
	// whole-program driver makes such labels, in its first phase; its
	// join replaces them by what the implementations return.
	KindDynamic
)

var kindNames = [...]string{
	KindResponse:   "response",
	KindStatus:     "status",
	KindStatusText: "status text",
	KindBody:       "body",
	KindHeader:     "header",
	KindDepError:   "dependency error",
	KindErrText:    "dependency error text",
	KindStack:      "stack trace",
	KindRequest:    "outbound request",
	KindURL:        "outbound URL",
	KindGRPCError:  "upstream gRPC error",
	KindGRPCStatus: "upstream gRPC status",
	KindGRPCCode:   "upstream gRPC code",
	KindParam:      "param",
	KindDynamic:    "dynamic call",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "kind?"
}

// Leaks reports whether a label of kind k on a gRPC service method's
// returned error makes it leak: a dependency error, an error's text, a
// stack, a URL.
func (k Kind) Leaks() bool {
	switch k {
	case KindDepError, KindErrText, KindStack, KindURL:
		return true
	}
	return false
}
