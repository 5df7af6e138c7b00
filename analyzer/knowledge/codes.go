package knowledge

// Errors with a status code (grpc-go's status, Connect's errors), the
// RPC runtimes generated service packages import, and what the checks'
// code-mapping fix writes. The rows are in grpc.go and connect.go.

// A CodedRole says what a call does with a status code (argument 0) and
// a message (the arguments after it).
type CodedRole uint8

const (
	// CodedError returns an error with the code and the message
	// (status.Error(code, msg), status.Errorf, connect.NewError).
	CodedError CodedRole = iota + 1
	// CodedStatus returns a status with the code and the message
	// (status.New, status.Newf).
	CodedStatus
	// StatusError returns the error of its receiver, a status
	// ((*status.Status).Err).
	StatusError
	// StatusFromError returns the status an error carries and whether it
	// carries one (status.FromError).
	StatusFromError
)

// A CodeFix is where the checks' fix that maps an upstream code finds
// the status package (status.Error, status.Code) and the codes package
// (codes.Internal, …) it writes.
type CodeFix struct {
	Status, Codes string
}

var (
	// CodedErrors are the calls that build an error or a status from a
	// code, by role.
	CodedErrors = map[string]CodedRole{}
	// ErrorBuilders are packages whose functions build a new error or
	// text from the errors among their arguments (fmt.Errorf,
	// status.Errorf(code, "…%v", err)).
	ErrorBuilders = map[string]bool{"fmt": true}
	// RPCRuntimes are the packages generated service packages import
	// (google.golang.org/grpc): a package that imports one is a service
	// package, or a client of one.
	RPCRuntimes = map[string]bool{}
	// CallOptions are the types of the variadic last parameter of an RPC
	// client call (...grpc.CallOption: ClientConn.Invoke, generated
	// client methods), as "path.Name".
	CallOptions = map[string]bool{}
	// CodeFixPkgs is the row of the code-mapping fix.
	CodeFixPkgs CodeFix
	// ServerCodes are the gRPC codes (Connect's are the same numbers)
	// that say "this failure is ours", as a 5xx does, by name.
	ServerCodes = map[int64]string{2: "Unknown", 13: "Internal", 14: "Unavailable", 15: "DataLoss"}
)
