package analyzer

import "go/types"

// Connect (connectrpc.com/connect v1): handlers are methods
// func(context.Context, *connect.Request[T]) (*connect.Response[U],
// error) (and the streaming shapes); the error they return is sent with
// its code, and the text of a plain error as the message, as gRPC does:
// the gRPC rules apply (grpc.go). A Connect client call has the unary
// shape too, and is an upstream call whose error carries the upstream's
// code (KindGRPCError). The codes are gRPC's numbers.

const connectPkg = "connectrpc.com/connect"

func init() {
	register(knowledge{
		Imports: []string{connectPkg},
		Flows: map[string][]flow{
			connectPkg + ".CodeOf": {res(0, 0, opGRPCCode)},
			// NewError(code, err): the code is the error's; err's text
			// is its message
			connectPkg + ".NewError":              {res(0, 0, opGRPCErr), res(1, 0, opWrapText)},
			"(*" + connectPkg + ".Error).Code":    {res(0, 0, opGRPCCode)},
			"(*" + connectPkg + ".Error).Message": {res(0, 0, opText)},
		},
	})
}

// isConnectType reports whether t is *connect.<name>[…].
func isConnectType(t types.Type, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && namedPath(p.Elem()) == connectPkg+"."+name
}

// isConnectUnary reports whether sig is Connect's unary shape,
// func(context.Context, *connect.Request[T]) (*connect.Response[U],
// error): a handler method where it is declared, an upstream call where
// it is called.
func isConnectUnary(sig *types.Signature) bool {
	p, r := sig.Params(), sig.Results()
	return p.Len() == 2 && r.Len() == 2 && isConnectType(p.At(1).Type(), "Request") &&
		isConnectType(r.At(0).Type(), "Response") && isErrorType(r.At(1).Type())
}

// IsConnectHandler is isConnectHandler for the checks: their gRPC fixes
// (grpc-go's status and codes) do not apply to Connect handlers.
func IsConnectHandler(sig *types.Signature) bool { return isConnectHandler(sig) }

// isConnectHandler reports whether sig is one of Connect's handler
// shapes: unary, client, server or bidirectional streaming.
func isConnectHandler(sig *types.Signature) bool {
	if isConnectUnary(sig) {
		return true
	}
	p, r := sig.Params(), sig.Results()
	if r.Len() == 0 || !isErrorType(r.At(r.Len()-1).Type()) {
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
