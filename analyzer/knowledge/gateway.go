package knowledge

// grpc-gateway v2 (github.com/grpc-ecosystem/grpc-gateway/v2/runtime):
// runtime.HTTPError(ctx, mux, m, w, r, err) hands err to the error handler
// of the mux, installed with runtime.WithErrorHandler(h), or the default
// one, which sends status.Convert(err)'s message (a plain error's text,
// with 500) with the status HTTPStatusFromCode maps its code to.
// HTTPStatusFromCode is a mapping. What the gateway forwards from its
// gRPC backend is its job (a proxy), and is not judged.

const gatewayRuntime = "github.com/grpc-ecosystem/grpc-gateway/v2/runtime"

func init() {
	register(rowSet{
		Imports: []string{gatewayRuntime},
		Sinks: map[string]SinkRow{
			gatewayRuntime + ".DefaultHTTPErrorHandler": body(5).to(3),
			gatewayRuntime + ".HTTPError":               nothing(), // to the mux's handler (ErrorCalls)
		},
		ErrorCalls: map[string]ErrorCall{
			gatewayRuntime + ".HTTPError": {Framework: "grpc-gateway", Arg: 5, Verb: "passed to runtime.HTTPError for", Advice: "pass runtime.HTTPError"},
		},
		ErrorHandlers: []ErrorFramework{
			{Name: "grpc-gateway", InstallCall: gatewayRuntime + ".WithErrorHandler", InstallArg: 0, ErrParam: 5},
			{Name: "grpc-gateway", New: gatewayRuntime + ".NewServeMux", Default: &gatewayDefault},
		},
	})
}

// gatewayDefault is runtime.DefaultHTTPErrorHandler: the error's status
// message, a plain error's text, with the status its code maps to.
var gatewayDefault = InstalledHandler{
	Framework: "grpc-gateway",
	Name:      "grpc-gateway's default error handler",
	Sinks:     []SinkParam{{Role: RoleBody, Param: 0, Reads: OpText}},
}
