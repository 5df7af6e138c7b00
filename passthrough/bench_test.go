package passthrough_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/upstreamlint/upstreamlint/passthrough"
)

// BenchmarkStdHTTP runs the check (and the shared provenance analysis,
// facts of dependencies included) on real handler-heavy packages of the
// standard library: net/http/httputil (a reverse proxy), httptest and pprof.
func BenchmarkStdHTTP(b *testing.B) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax}
	pkgs, err := packages.Load(cfg, "net/http/httputil", "net/http/httptest", "net/http/pprof")
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("load errors")
	}
	a := passthrough.NewAnalyzer(passthrough.DefaultConfig())
	b.ResetTimer()
	for b.Loop() {
		graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			b.Fatal(err)
		}
		for act := range graph.All() {
			if act.Err != nil {
				b.Fatal(act.Err)
			}
		}
	}
}
