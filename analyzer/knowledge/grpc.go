package knowledge

// grpc-go (google.golang.org/grpc): status codes and errors; the service
// methods and clients themselves are recognised in analyzer/engine/grpc.go.

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
			grpcStatus + ".Error":  CodedError,
			grpcStatus + ".Errorf": CodedError,
			grpcStatus + ".New":    CodedStatus,
			grpcStatus + ".Newf":   CodedStatus,
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
