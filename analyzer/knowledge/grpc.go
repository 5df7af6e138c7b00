package knowledge

// grpc-go (google.golang.org/grpc): status codes and errors; the service
// methods and clients themselves are recognised in analyzer/engine/grpc.go.

import "go/types"

const (
	grpcPkg            = "google.golang.org/grpc"
	grpcStatus         = "google.golang.org/grpc/status"
	grpcInternalStatus = "google.golang.org/grpc/internal/status"
	grpcCodes          = "google.golang.org/grpc/codes"
)

func init() {
	register(rowSet{
		Imports: []string{grpcPkg, grpcStatus},
		// generated service packages import grpc; a client call's last
		// parameter is ...grpc.CallOption
		RPCRuntimes: []string{grpcPkg},
		CallOptions: []string{grpcPkg + ".CallOption"},
		// status.Errorf(code, "…%v", err) makes a new error of err
		ErrorBuilders: []string{grpcStatus},
		CodedErrors: map[string]CodedRole{
			grpcStatus + ".Error":     CodedError,
			grpcStatus + ".Errorf":    CodedError,
			grpcStatus + ".New":       CodedStatus,
			grpcStatus + ".Newf":      CodedStatus,
			grpcStatus + ".FromError": StatusFromError,
			// status.Status is an alias of the internal type, whose
			// methods are keyed by it
			"(*" + grpcInternalStatus + ".Status).Err": StatusError,
		},
		CodeFix: &CodeFix{Status: grpcStatus, Codes: grpcCodes},
		Flows: map[string][]Flow{
			// grpc-go status: codes and statuses of upstream errors, and new
			// errors built from them.
			grpcStatus + ".Code":      {res(0, 0, OpGRPCCode)},
			grpcStatus + ".Convert":   {res(0, 0, OpGRPCStatus)},
			grpcStatus + ".FromError": {res(0, 0, OpGRPCStatus)},
			grpcStatus + ".New":       {res(0, 0, OpGRPCStatus), res(1, 0, OpWrapText)},
			grpcStatus + ".Newf":      {res(0, 0, OpGRPCStatus), res(1, 0, OpWrapText), res(VariadicArgs, 0, "[]/"+OpWrapText)},
			grpcStatus + ".Error":     {res(0, 0, OpGRPCErr), res(1, 0, OpWrapText)},
			grpcStatus + ".Errorf":    {res(0, 0, OpGRPCErr), res(1, 0, OpWrapText), res(VariadicArgs, 0, "[]/"+OpWrapText)},
			// status.Status is an alias of internal/status.Status: methods are
			// keyed by the internal type.
			"(*" + grpcInternalStatus + ".Status).Code":    {res(0, 0, OpGRPCCode)},
			"(*" + grpcInternalStatus + ".Status).Err":     {res(0, 0, OpGRPCErr)},
			"(*" + grpcInternalStatus + ".Status).Message": {res(0, 0, OpText)},
		},
	})
}

// IsServerInterceptor reports whether sig is a grpc-go server
// interceptor: a UnaryServerInterceptor, func(ctx, req any, info
// *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error), or a
// StreamServerInterceptor, func(srv any, ss grpc.ServerStream, info
// *grpc.StreamServerInfo, handler grpc.StreamHandler) error. What it
// returns is the service's answer, as a service method's: the errors it
// makes of the handler's (an error-mapping interceptor) or of its own
// calls (an authentication interceptor calling its auth service).
func IsServerInterceptor(sig *types.Signature) bool {
	p, r := sig.Params(), sig.Results()
	if p.Len() != 4 || r.Len() == 0 || !IsErrorType(r.At(r.Len()-1).Type()) {
		return false
	}
	switch {
	case r.Len() == 2 && IsPtrTo(p.At(2).Type(), grpcPkg, "UnaryServerInfo") && IsNamed(p.At(3).Type(), grpcPkg, "UnaryHandler"):
		return true
	case r.Len() == 1 && IsPtrTo(p.At(2).Type(), grpcPkg, "StreamServerInfo") && IsNamed(p.At(3).Type(), grpcPkg, "StreamHandler"):
		return true
	}
	return false
}

// IsServiceRegistrar reports whether t is what grpc-go's generated
// Register…Server(s, srv) functions take first: grpc.ServiceRegistrar, or
// *grpc.Server in code generated before it. Their second parameter is the
// service's interface.
func IsServiceRegistrar(t types.Type) bool {
	return IsNamed(t, grpcPkg, "ServiceRegistrar") || IsPtrTo(t, grpcPkg, "Server")
}
