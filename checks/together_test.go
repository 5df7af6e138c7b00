package checks_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/checks"
	"github.com/upstreamlint/upstreamlint/internal/checktest"
)

// TestChecksTogether runs every check at once, as drivers do: the
// checks of a package run in parallel and share the provenance engine.
// Repeated runs must neither crash (the engine once had unguarded maps:
// "concurrent map writes") nor differ in what they report.
func TestChecksTogether(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the test data with go/packages")
	}
	pkgs := checktest.Load(t,
		"passthrough/nethttp", "passthrough/crosspkg", "passthrough/gin", "passthrough/grpc",
		"leak/nethttp", "leak/gin", "leak/grpc", "softerror/nethttp", "softerror/fiber")
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

// TestInstancesInOneProcess runs two instances of the checks with
// different settings in one process at once, as golangci-lint may: each
// gets the findings of its own settings, the shared analysis' included
// (-upstreamfacts.deps makes a client package's error a dependency
// error), and neither sees the other's.
func TestInstancesInOneProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the test data with go/packages")
	}
	pkgs := checktest.Load(t, "leak/deps", "passthrough/nethttp")

	// newInstance returns the checks on their own shared analysis, with
	// the settings given as flags -NAME.FLAG=VALUE.
	newInstance := func(settings map[string]string) []*analysis.Analyzer {
		shared := analyzer.New(analyzer.DefaultConfig())
		as := checks.New(shared.Analyzer)
		for name, value := range settings {
			check, flag, _ := strings.Cut(name, ".")
			a := shared.Analyzer
			for _, c := range as {
				if c.Name == check {
					a = c
				}
			}
			require.Equal(t, check, a.Name)
			require.NoError(t, a.Flags.Set(flag, value))
		}
		return as
	}
	findings := func(as []*analysis.Analyzer) []string {
		graph, err := checker.Analyze(as, pkgs, nil)
		require.NoError(t, err)
		var got []string
		for act := range graph.All() {
			require.NoError(t, act.Err)
			if !act.IsRoot {
				continue
			}
			for _, d := range act.Diagnostics {
				fix := ""
				if len(d.SuggestedFixes) > 0 {
					fix = " [" + d.SuggestedFixes[0].Message + "]"
				}
				got = append(got, fmt.Sprintf("%s:%d: %s: %s%s", filepath.Base(act.Package.Fset.Position(d.Pos).Filename), act.Package.Fset.Position(d.Pos).Line, act.Analyzer.Name, d.Message, fix))
			}
		}
		slices.Sort(got)
		return got
	}
	a := newInstance(map[string]string{"upstreamfacts.deps": "example.com/kv", "passthrough.mapper": "example.com/httperr.FromUpstream"})
	b := newInstance(map[string]string{"leak.allow": "leak/deps"})
	wantA, wantB := findings(a), findings(b)

	// The settings show in the findings: A's client error is a
	// dependency error and its fixes call its mapper; B allows the
	// package, and its fixes add the default helper.
	assert.Contains(t, strings.Join(wantA, "\n"), "deps.go:14: leak: dependency error err.Error() is sent")
	assert.NotContains(t, strings.Join(wantB, "\n"), "deps.go")
	assert.Contains(t, strings.Join(wantA, "\n"), "through httperr.FromUpstream")
	assert.NotContains(t, strings.Join(wantB, "\n"), "FromUpstream")
	assert.Contains(t, strings.Join(wantB, "\n"), "through mapUpstreamStatus")

	// At once, again and again: each instance keeps its own findings.
	var wg sync.WaitGroup
	for range 4 {
		for _, tc := range []struct {
			as   []*analysis.Analyzer
			want []string
		}{{a, wantA}, {b, wantB}} {
			wg.Go(func() { assert.Equal(t, tc.want, findings(tc.as)) })
		}
	}
	wg.Wait()
}
