package checks_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/upstreamlint/upstreamlint/checks"
)

// TestChecksTogether runs every check at once, as drivers do: the
// checks of a package run in parallel and share the provenance engine.
// Repeated runs must neither crash (the engine once had unguarded maps:
// "concurrent map writes") nor differ in what they report.
func TestChecksTogether(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the test data with go/packages")
	}
	gopath, err := filepath.Abs("../testdata")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(gopath, "src"),
		Env:  append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg,
		"passthrough/nethttp", "passthrough/crosspkg", "passthrough/gin", "passthrough/grpc",
		"leak/nethttp", "leak/gin", "leak/grpc", "softerror/nethttp", "softerror/fiber")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("load errors")
	}
	var first []string
	for i := 0; i < 8; i++ {
		graph, err := checker.Analyze(checks.All(), pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for act := range graph.All() {
			if act.Err != nil {
				t.Fatalf("%s: %v", act, act.Err)
			}
			if !act.IsRoot {
				continue
			}
			for _, d := range act.Diagnostics {
				got = append(got, fmt.Sprintf("%s: %s: %s", act.Package.Fset.Position(d.Pos), act.Analyzer.Name, d.Message))
			}
		}
		slices.Sort(got)
		if i == 0 {
			first = got
			if len(got) < 50 {
				t.Fatalf("only %d findings on the test data; the test would prove little", len(got))
			}
			continue
		}
		if !slices.Equal(got, first) {
			t.Fatalf("run %d reported differently from run 0:\n%d vs %d findings", i, len(got), len(first))
		}
	}
}
