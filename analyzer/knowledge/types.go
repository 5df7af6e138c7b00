package knowledge

import (
	"go/types"
)

// SinkParam says that parameter Param, after Reads, reaches a sink in
// the role Role (at Path inside the argument).
type SinkParam struct {
	Role  Role
	Param int
	Reads string
	Path  string
	// Proxy is set when the function forwards the status and the body
	// of the same response parameter, on one path: a forwarding helper.
	Proxy bool
	// OwnBody is set on a status sink of a response parameter whose
	// body the function writes whole too, but only on other paths (it
	// relays the body on success and sends the status with a message of
	// its own on failure): at a call, the body it forwards is not this
	// status's.
	OwnBody bool
	// Writer, when not zero, is 1 + the index of the parameter the sink
	// writes to (an io.Writer): the sink answers the client only where
	// callers pass the client's writer there.
	Writer int
	// Status is, for a body sink, the constant status the function
	// sends it with on every path (a serverError(w, err) helper's 500),
	// else 0.
	Status int
	// Covered is set on a body sink of an error parameter whose text the
	// function sends with that server-error Status: the leak check
	// reports it there, where the fix belongs, not at every call.
	Covered bool
	// No5xx is set on a body sink whose status is a parameter of the
	// function when the parameter does not reach it for a server-error
	// status: the helper sends a generic message for 5xx.
	No5xx bool
	// OnFailure is set on a body sink of a response parameter's body that
	// the function writes only where it found that response's status
	// failed (Handle_request_error(c, resp) testing resp.StatusCode): at
	// a call, it is the upstream's error body.
	OnFailure bool
	// StatusWritten is set on a body sink that the function writes after
	// writing a status on every path, whatever its value (errcode's
	// ServeJSON: the status of the error's code, 500 by default): at a
	// call, the body goes with a status, not an implicit 200.
	StatusWritten bool
}

// IsNamed reports whether t is the named type pkg.name.
func IsNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// IsPtrTo reports whether t is a pointer to the named type pkg.name.
func IsPtrTo(t types.Type, pkg, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && IsNamed(p.Elem(), pkg, name)
}

// SQLResultTypes are the results of database/sql queries.
var SQLResultTypes = map[string]bool{
	"database/sql.Result": true, "database/sql.Rows": true, "database/sql.Row": true,
	"database/sql.Stmt": true, "database/sql.Tx": true, "database/sql.Conn": true,
}

// NamedPath returns "pkgpath.Name" of a (pointer to a) named type.
func NamedPath(t types.Type) string {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

func IsErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// HandlerContexts are the request contexts of the supported frameworks:
// values through which a handler answers its client.
var HandlerContexts = map[string]bool{}
