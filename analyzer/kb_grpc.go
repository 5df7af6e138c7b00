package analyzer

// grpc-go (google.golang.org/grpc): status codes and errors; the service
// methods and clients themselves are recognised in grpc.go.

const (
	grpcStatus         = "google.golang.org/grpc/status"
	grpcInternalStatus = "google.golang.org/grpc/internal/status"
)

func init() {
	register(knowledge{
		Imports: []string{"google.golang.org/grpc", grpcStatus},
		Flows: map[string][]flow{
			// grpc-go status: codes and statuses of upstream errors, and new
			// errors built from them.
			grpcStatus + ".Code":      {res(0, 0, opGRPCCode)},
			grpcStatus + ".Convert":   {res(0, 0, opGRPCStatus)},
			grpcStatus + ".FromError": {res(0, 0, opGRPCStatus)},
			grpcStatus + ".New":       {res(0, 0, opGRPCStatus), res(1, 0, opWrapText)},
			grpcStatus + ".Newf":      {res(0, 0, opGRPCStatus), res(1, 0, opWrapText), res(variadicArgs, 0, "[]/"+opWrapText)},
			grpcStatus + ".Error":     {res(0, 0, opGRPCErr), res(1, 0, opWrapText)},
			grpcStatus + ".Errorf":    {res(0, 0, opGRPCErr), res(1, 0, opWrapText), res(variadicArgs, 0, "[]/"+opWrapText)},
			// status.Status is an alias of internal/status.Status: methods are
			// keyed by the internal type.
			"(*" + grpcInternalStatus + ".Status).Code":    {res(0, 0, opGRPCCode)},
			"(*" + grpcInternalStatus + ".Status).Err":     {res(0, 0, opGRPCErr)},
			"(*" + grpcInternalStatus + ".Status).Message": {res(0, 0, opText)},
		},
	})
}
