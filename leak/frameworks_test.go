package leak_test

import (
	"testing"

	"github.com/upstreamlint/upstreamlint/internal/checktest"
	"github.com/upstreamlint/upstreamlint/leak"
)

// The framework cases run on stubs in testdata/src whose signatures match
// the real modules (e2e/frameworks runs the command on the real ones).

func TestGin(t *testing.T) {
	checktest.Run(t, leak.NewAnalyzer(leak.DefaultConfig()), "leak/gin")
}

func TestEcho(t *testing.T) {
	checktest.Run(t, leak.NewAnalyzer(leak.DefaultConfig()), "leak/echo", "leak/echo5", "leak/fiber3", "leak/gozero", "leak/hertz", "leak/fasthttp", "leak/restful", "leak/kratos", "leak/iris", "leak/beego", "leak/gateway", "leak/connect")
}

func TestFiber(t *testing.T) {
	checktest.Run(t, leak.NewAnalyzer(leak.DefaultConfig()), "leak/fiber")
}

func TestChiRender(t *testing.T) {
	checktest.Run(t, leak.NewAnalyzer(leak.DefaultConfig()), "leak/render")
}

func TestGRPCServer(t *testing.T) {
	checktest.Run(t, leak.NewAnalyzer(leak.DefaultConfig()), "leak/grpc")
}

func TestFixFrameworks(t *testing.T) {
	checktest.RunWithSuggestedFixes(t, leak.NewAnalyzer(leak.DefaultConfig()), "leak/frameworkfix")
}

// Errors returned from echo and fiber handlers go to the error handler
// the package installs, or to fiber's default one.
func TestErrorHandlers(t *testing.T) {
	checktest.Run(t, leak.NewAnalyzer(leak.DefaultConfig()), "leak/fiberdefault", "leak/fiberhandler", "leak/fibersafe", "leak/fibernoapp", "leak/echohandler", "leak/echo5handler", "leak/fiber3default", "leak/gozerohandler", "leak/echocovered", "leak/adapter", "leak/ginerrors", "leak/ginlogged")
}
