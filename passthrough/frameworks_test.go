package passthrough_test

import (
	"testing"

	"github.com/upstreamlint/upstreamlint/internal/checktest"
	"github.com/upstreamlint/upstreamlint/passthrough"
)

// The framework cases run on stubs in testdata/src whose signatures match
// the real modules (e2e/frameworks runs the command on the real ones).

func TestGin(t *testing.T) {
	checktest.Run(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/gin")
}

func TestEcho(t *testing.T) {
	checktest.Run(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/echo", "passthrough/echo5", "passthrough/fiber3", "passthrough/gozero", "passthrough/hertz", "passthrough/fasthttp", "passthrough/restful", "passthrough/kratos", "passthrough/iris", "passthrough/beego", "passthrough/gateway", "passthrough/connect")
}

func TestFiber(t *testing.T) {
	checktest.Run(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/fiber")
}

func TestChiRender(t *testing.T) {
	checktest.Run(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/render")
}

func TestGRPCServer(t *testing.T) {
	checktest.Run(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/grpc")
}

func TestFixGin(t *testing.T) {
	checktest.RunWithSuggestedFixes(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/ginfix")
}

func TestFixGRPCServer(t *testing.T) {
	checktest.RunWithSuggestedFixes(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/grpcfix")
	checktest.RunWithSuggestedFixes(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/grpcfiximports")
}
