package softerror_test

import (
	"testing"

	"github.com/upstreamlint/upstreamlint/internal/checktest"
	"github.com/upstreamlint/upstreamlint/softerror"
)

// The framework cases run on stubs in testdata/src whose signatures match
// the real modules (e2e/frameworks runs the command on the real ones).

func TestGin(t *testing.T) {
	checktest.Run(t, softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/gin")
}

func TestEcho(t *testing.T) {
	checktest.Run(t, softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/echo", "softerror/echo5", "softerror/fiber3", "softerror/gozero", "softerror/hertz", "softerror/fasthttp", "softerror/restful", "softerror/kratos", "softerror/iris", "softerror/beego")
}

func TestFiber(t *testing.T) {
	checktest.Run(t, softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/fiber")
}

func TestChiRender(t *testing.T) {
	checktest.Run(t, softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/render")
}

func TestFixFrameworks(t *testing.T) {
	checktest.RunWithSuggestedFixes(t, softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/frameworkfix")
}
