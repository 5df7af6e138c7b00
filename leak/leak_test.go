package leak_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/leak"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestNetHTTP(t *testing.T) {
	analysistest.Run(t, testdata(t), leak.NewAnalyzer(leak.DefaultConfig()), "leak/nethttp")
}

func TestFixStatusText(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), leak.NewAnalyzer(leak.DefaultConfig()), "leak/fix")
}

func TestFixPublicMsg(t *testing.T) {
	cfg := leak.DefaultConfig()
	if err := cfg.PublicMsg.Set("example.com/apierr.Public"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, testdata(t), leak.NewAnalyzer(cfg), "leak/fixpublic")
}

// TestConfiguredDependencies sets the shared analyzer's -deps flag: the
// errors of a user's client package become dependency errors.
func TestConfiguredDependencies(t *testing.T) {
	if err := analyzer.Analyzer.Flags.Set("deps", "example.com/kv"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata(t), leak.NewAnalyzer(leak.DefaultConfig()), "leak/deps")
}

// Shapes of false positives seen on public repositories (corpus/RESULTS.md).
func TestRealCodeShapes(t *testing.T) {
	analysistest.Run(t, testdata(t), leak.NewAnalyzer(leak.DefaultConfig()), "leak/realfp/...")
}

// Shapes of leaks the corpus study found missed (corpus/RESULTS.md).
func TestRealCodeMisses(t *testing.T) {
	analysistest.Run(t, testdata(t), leak.NewAnalyzer(leak.DefaultConfig()), "leak/realmiss/...")
}
