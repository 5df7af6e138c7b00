package knowledge

// kratos v2 (github.com/go-kratos/kratos/v2): service methods are the
// generated gRPC ones (analyzer/engine/grpc.go), served over HTTP and gRPC, and the
// transports send a returned error's code and message. The errors
// package builds those errors: errors.New(code, reason, message) and the
// helpers (errors.InternalServer(reason, message)) send message with
// their code, so a dependency error's text in it reaches the client
// (WithCause keeps a cause that is not sent). transport/http.Context
// answers custom routes.

const (
	kratosErrors = "github.com/go-kratos/kratos/v2/errors"
	kratosHTTP   = "github.com/go-kratos/kratos/v2/transport/http"
)

func init() {
	sinks := map[string]SinkRow{
		kratosErrors + ".New":    status(0).body(2),
		kratosErrors + ".Newf":   status(0).body(2, 3).variadic(),
		kratosErrors + ".Errorf": status(0).body(2, 3).variadic(),
	}
	for name, code := range map[string]int{
		"BadRequest": 400, "Unauthorized": 401, "Forbidden": 403, "NotFound": 404, "Conflict": 409,
		"ClientClosed": 499, "InternalServer": 500, "ServiceUnavailable": 503, "GatewayTimeout": 504,
	} {
		sinks[kratosErrors+"."+name] = fixed(code).body(1)
	}
	ctx := "(" + kratosHTTP + ".Context)."
	for _, m := range []string{"JSON", "Result", "XML", "String"} {
		sinks[ctx+m] = status(1).body(2)
	}
	sinks[ctx+"Blob"] = status(1).body(3)
	sinks[ctx+"Stream"] = status(1).body(3)
	input := map[string]InputRow{}
	for _, m := range []string{"Bind", "BindVars", "BindQuery", "BindForm"} {
		input[ctx+m] = AnyInput
	}
	register(rowSet{
		Imports:     []string{kratosErrors, kratosHTTP},
		Sinks:       sinks,
		ClientInput: input,
		Contexts:    []HandlerCtx{{Pkg: kratosHTTP, Name: "Context", Setter: ".Response().WriteHeader"}},
		// errors.Code(err) of a gRPC client's error is the HTTP status
		// kratos maps its code to: a mapping, not a flow
		Flows: map[string][]Flow{
			kratosErrors + ".FromError": {res(0, 0, "")},
		},
	})
}
