package knowledge

// Connect (connectrpc.com/connect v1): handlers are methods
// func(context.Context, *connect.Request[T]) (*connect.Response[U],
// error) (and the streaming shapes); the error they return is sent with
// its code, and the text of a plain error as the message, as gRPC does:
// the gRPC rules apply (analyzer/engine/grpc.go). A Connect client call has the unary
// shape too, and is an upstream call whose error carries the upstream's
// code (KindGRPCError). The codes are gRPC's numbers.

import "go/types"

const connectPkg = "connectrpc.com/connect"

func init() {
	register(rowSet{
		Imports: []string{connectPkg},
		Flows: map[string][]Flow{
			connectPkg + ".CodeOf": {res(0, 0, OpGRPCCode)},
			// NewError(code, err): the code is the error's; err's text
			// is its message
			connectPkg + ".NewError":              {res(0, 0, OpGRPCErr), res(1, 0, OpWrapText)},
			"(*" + connectPkg + ".Error).Code":    {res(0, 0, OpGRPCCode)},
			"(*" + connectPkg + ".Error).Message": {res(0, 0, OpText)},
		},
		// Connect's codes are gRPC's numbers
		CodedErrors: map[string]CodedRole{connectPkg + ".NewError": CodedError},
	})
}

// isConnectType reports whether t is *connect.<name>[…].
func isConnectType(t types.Type, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && NamedPath(p.Elem()) == connectPkg+"."+name
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
