package knowledge

// go-zero (github.com/zeromicro/go-zero): handlers are net/http handlers
// that answer through rest/httpx. httpx.Error(w, err) hands the error to
// the error handler the program installs with httpx.SetErrorHandler (it
// returns the status and the body to send), or, where none is installed,
// to the default one, which sends err.Error() with status 400 (a gRPC
// error's code becomes the status). zrpc servers are grpc-go servers.

const (
	gozeroHttpx = "github.com/zeromicro/go-zero/rest/httpx"
	gozeroRest  = "github.com/zeromicro/go-zero/rest"
)

func init() {
	errorCall := func(arg int) ErrorCall {
		return ErrorCall{Framework: "go-zero", Arg: arg, Verb: "passed to httpx.Error for", Advice: "pass httpx.Error"}
	}
	handler := func(install string, errParam int) ErrorFramework {
		return ErrorFramework{
			Name: "go-zero", InstallCall: gozeroHttpx + "." + install, InstallArg: 0, ErrParam: errParam, Returns: true,
		}
	}
	register(rowSet{
		Imports: []string{gozeroHttpx, gozeroRest},
		// go-zero's stores: sqlx (the models goctl generates), redis,
		// mongo, the cache in front of them
		Libraries: []string{"github.com/zeromicro/go-zero/core/stores"},
		Sinks: map[string]SinkRow{
			gozeroHttpx + ".WriteJson":    status(1).body(2).to(0),
			gozeroHttpx + ".WriteJsonCtx": status(2).body(3).to(1),
			gozeroHttpx + ".OkJson":       fixed(200).body(1).to(0),
			gozeroHttpx + ".OkJsonCtx":    fixed(200).body(2).to(1),
			gozeroHttpx + ".Ok":           fixed(200).to(0),
			// the error goes to the error handler (ErrorCalls), not to
			// what httpx's own code does with it by default
			gozeroHttpx + ".Error":    nothing(),
			gozeroHttpx + ".ErrorCtx": nothing(),
		},
		ClientInput: map[string]InputRow{
			gozeroHttpx + ".Parse":         AnyInput,
			gozeroHttpx + ".ParseJsonBody": AnyInput,
			gozeroHttpx + ".ParseForm":     AnyInput,
			gozeroHttpx + ".ParsePath":     AnyInput,
			gozeroHttpx + ".ParseHeaders":  AnyInput,
		},
		ErrorCalls: map[string]ErrorCall{
			gozeroHttpx + ".Error":    errorCall(1),
			gozeroHttpx + ".ErrorCtx": errorCall(2),
		},
		ErrorHandlers: []ErrorFramework{
			handler("SetErrorHandler", 0),
			handler("SetErrorHandlerCtx", 1),
			{Name: "go-zero", New: gozeroRest + ".MustNewServer", Default: &gozeroDefault},
			{Name: "go-zero", New: gozeroRest + ".NewServer", Default: &gozeroDefault},
		},
	})
}

// gozeroDefault is httpx's answer to an error where no handler is
// installed: http.Error(w, err.Error(), code), with code 400, or the
// status that a gRPC error's code maps to (a zrpc client's error): the
// status is not one constant.
var gozeroDefault = InstalledHandler{
	Framework: "go-zero",
	Name:      "go-zero's default error handler",
	Sinks:     []SinkParam{{Role: RoleBody, Param: 0, Reads: OpText}},
}
