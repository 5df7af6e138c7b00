package knowledge

import "go/types"

// The request being served, the response being written and a debug mode:
// what frameworks add to net/http's *http.Request and http.ResponseWriter
// (the engine's ForwardsServedRequest, ServedResponse and DebugCond).

// A DebugMode is a function that returns the name of the mode a
// framework runs in (gin.Mode()): On is the debug mode's name, Off the
// release mode's.
type DebugMode struct {
	On, Off string
}

// A TypeField is the field Field of the named type Pkg.Name.
type TypeField struct {
	Pkg, Name, Field string
}

var (
	// DebugChecks are functions that report whether the framework runs
	// in debug mode (gin.IsDebugging): a branch they guard is not run in
	// production.
	DebugChecks = map[string]bool{}
	// DebugModes are functions that return the name of the mode the
	// framework runs in.
	DebugModes = map[string]DebugMode{}
	// ServedResponses are calls that return the response of the request
	// being served ((*fiber.Ctx).Response()), ServedResponseFields the
	// fields of a request context that hold it (fasthttp.RequestCtx's
	// Response): its body writer answers the client, where a client's
	// response of the same type does not.
	ServedResponses      = map[string]bool{}
	ServedResponseFields []TypeField
)

// RequestField returns the field of t, a framework context used through
// a pointer, that holds the *http.Request being served (gin's
// c.Request), if t is such a context. The context's methods read that
// request; they do not retarget it.
func RequestField(t types.Type) (string, bool) {
	for _, c := range handlerCtxs {
		if c.RequestField != "" && c.Pointer && c.Is(t) {
			return c.RequestField, true
		}
	}
	return "", false
}

// IsRequestFieldMethod reports whether obj is a method of a context
// that holds the request being served (RequestField).
func IsRequestFieldMethod(obj *types.Func) bool {
	sig, ok := obj.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	_, ok = RequestField(sig.Recv().Type())
	return ok
}

// IsServedResponseField reports whether field of the type *t points to is
// a field holding the response being served.
func IsServedResponseField(t types.Type, field string) bool {
	for _, f := range ServedResponseFields {
		if f.Field == field && IsPtrTo(t, f.Pkg, f.Name) {
			return true
		}
	}
	return false
}

// ContextStatus are, by package, the name of the function that keeps a status in the
// request's context for the package's render calls, which write it
// (go-chi/render.Status(r, code)): a fix that sets the status before
// such a call sets it there, or the render's own WriteHeader(200) would
// follow.
var ContextStatus = map[string]string{}

// ContextStatusKeys are the variables (by full name) holding the context
// keys under which a ContextStatus function keeps the status
// (github.com/go-chi/render.StatusCtxKey): context.WithValue(ctx, key,
// code) writes the status as that function does.
var ContextStatusKeys = map[string]bool{}
