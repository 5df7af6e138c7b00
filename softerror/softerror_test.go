package softerror_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/upstreamlint/upstreamlint/softerror"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestNetHTTP(t *testing.T) {
	analysistest.Run(t, testdata(t), softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/nethttp")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/fix")
}

func TestConfiguredKeys(t *testing.T) {
	a := softerror.NewAnalyzer(softerror.DefaultConfig())
	if err := a.Flags.Set("errorkeys", "problem"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata(t), a, "softerror/keys")
}

// Shapes of false positives seen on public repositories (corpus/RESULTS.md).
func TestRealCodeShapes(t *testing.T) {
	analysistest.Run(t, testdata(t), softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/realfp/...")
}
