package knowledge

// grpc-go (google.golang.org/grpc): status codes and errors; the service
// methods and clients themselves are recognised in grpc.go.

const (
	grpcStatus         = "google.golang.org/grpc/status"
	grpcInternalStatus = "google.golang.org/grpc/internal/status"
)

func init() {
	register(rowSet{
		Imports: []string{"google.golang.org/grpc", grpcStatus},
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
