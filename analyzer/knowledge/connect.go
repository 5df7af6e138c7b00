package knowledge

// Connect (connectrpc.com/connect v1, and github.com/bufbuild/connect-go,
// its path before v1.10, with the same API): handlers are methods
// func(context.Context, *connect.Request[T]) (*connect.Response[U],
// error) (and the streaming shapes); the error they return is sent with
// its code, and the text of a plain error as the message, as gRPC does:
// the gRPC rules apply (analyzer/engine/grpc.go). A Connect client call has the unary
// shape too, and is an upstream call whose error carries the upstream's
// code (KindGRPCError). The codes are gRPC's numbers.

import "go/types"

const connectPkg = "connectrpc.com/connect"

// connectPkgs are Connect's import paths, new and old.
var connectPkgs = []string{connectPkg, "github.com/bufbuild/connect-go"}

func init() {
	for _, pkg := range connectPkgs {
		register(rowSet{
			Imports: []string{pkg},
			Flows: map[string][]Flow{
				pkg + ".CodeOf": {res(0, 0, OpGRPCCode)},
				// NewError(code, err): the code is the error's; err's text
				// is its message
				pkg + ".NewError":              {res(0, 0, OpGRPCErr), res(1, 0, OpWrapText)},
				"(*" + pkg + ".Error).Code":    {res(0, 0, OpGRPCCode)},
				"(*" + pkg + ".Error).Message": {res(0, 0, OpText)},
			},
			// Connect's codes are gRPC's numbers
			CodedErrors: map[string]CodedRole{pkg + ".NewError": CodedError},
		})
	}
}

// isConnectType reports whether t is *connect.<name>[…].
func isConnectType(t types.Type, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	path := NamedPath(p.Elem())
	for _, pkg := range connectPkgs {
		if path == pkg+"."+name {
			return true
		}
	}
	return false
}

// IsConnectUnary reports whether sig is Connect's unary shape,
// func(context.Context, *connect.Request[T]) (*connect.Response[U],
// error): a handler method where it is declared, an upstream call where
// it is called.
func IsConnectUnary(sig *types.Signature) bool {
	p, r := sig.Params(), sig.Results()
	return p.Len() == 2 && r.Len() == 2 && isConnectType(p.At(1).Type(), "Request") &&
		isConnectType(r.At(0).Type(), "Response") && IsErrorType(r.At(1).Type())
}

// IsConnectHandler reports whether sig is one of Connect's handler
// shapes: unary, client, server or bidirectional streaming. The checks'
// gRPC fixes (grpc-go's status and codes) do not apply to them.
func IsConnectHandler(sig *types.Signature) bool {
	if IsConnectUnary(sig) {
		return true
	}
	p, r := sig.Params(), sig.Results()
	if r.Len() == 0 || !IsErrorType(r.At(r.Len()-1).Type()) {
		return false
	}
	switch {
	case p.Len() == 2 && r.Len() == 2 && isConnectType(p.At(1).Type(), "ClientStream") && isConnectType(r.At(0).Type(), "Response"):
		return true
	case p.Len() == 3 && r.Len() == 1 && isConnectType(p.At(1).Type(), "Request") && isConnectType(p.At(2).Type(), "ServerStream"):
		return true
	case p.Len() == 2 && r.Len() == 1 && isConnectType(p.At(1).Type(), "BidiStream"):
		return true
	}
	return false
}
