package softerror_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/upstreamlint/upstreamlint/softerror"
)

// The framework cases run on stubs in testdata/src whose signatures match
// the real modules (e2e/frameworks runs the command on the real ones).

func TestGin(t *testing.T) {
	analysistest.Run(t, testdata(t), softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/gin")
}

func TestEcho(t *testing.T) {
	analysistest.Run(t, testdata(t), softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/echo", "softerror/echo5", "softerror/fiber3", "softerror/gozero", "softerror/hertz", "softerror/fasthttp", "softerror/restful", "softerror/kratos", "softerror/iris", "softerror/beego")
}

func TestFiber(t *testing.T) {
	analysistest.Run(t, testdata(t), softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/fiber")
}

func TestChiRender(t *testing.T) {
	analysistest.Run(t, testdata(t), softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/render")
}

func TestFixFrameworks(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/frameworkfix")
}
