package checks_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/checks"
)

// fakeHost gives the package p a leak finding at its package clause,
// or fails; the others (dependencies) are analysed on their own.
type fakeHost struct{ err error }

func (h fakeHost) Package(pass *analysis.Pass) (analyzer.HostPackage, error) {
	if pass.Pkg.Path() != "p" {
		return analyzer.HostPackage{}, nil
	}
	if h.err != nil {
		return analyzer.HostPackage{}, h.err
	}
	return analyzer.HostPackage{Findings: map[string][]analysis.Diagnostic{
		"leak": {{Pos: pass.Files[0].Package, Message: "replayed from the whole program"}},
	}}, nil
}

const hostSrc = `package p // want "replayed from the whole program"

import "net/http"

func H(w http.ResponseWriter, r *http.Request) {
	_, err := http.Get("http://inventory.internal/items")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want "dependency error err.Error\\(\\) is sent"
	}
}
`

// hostGOPATH writes the package p for analysistest, with the want
// comment of the line that contains keep only.
func hostGOPATH(t *testing.T, keep string) string {
	t.Helper()
	dir := t.TempDir()
	var lines []string
	for _, l := range strings.Split(hostSrc, "\n") {
		if i := strings.Index(l, " // want"); i >= 0 && !strings.Contains(l, keep) {
			l = l[:i]
		}
		lines = append(lines, l)
	}
	p := filepath.Join(dir, "src", "p", "p.go")
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644))
	return dir
}

func leakOf(shared *analyzer.Shared) *analysis.Analyzer {
	for _, a := range checks.New(shared.Analyzer) {
		if a.Name == "leak" {
			return a
		}
	}
	panic("no leak check")
}

// TestHostReplaces: with a host, a check reports what the host gives
// the package, instead of what it finds there itself; with the join off
// (-upstreamfacts.whole=false) the host is not asked.
func TestHostReplaces(t *testing.T) {
	if testing.Short() {
		t.Skip("host machinery (analyses every dependency from source): skipped in -short mode")
	}
	shared := analyzer.New(analyzer.DefaultConfig())
	require.NotEmpty(t, shared.Analyzer.FactTypes)
	shared.SetHost(fakeHost{})
	require.Empty(t, shared.Analyzer.FactTypes, "with a host, the dependencies need no analysis for facts")
	// the dependencies (net/http, …) are analysed on their own, without
	// facts, and p reports what the host gives it
	analysistest.Run(t, hostGOPATH(t, "package p"), leakOf(shared), "p")
	shared.SetHost(nil)
	require.NotEmpty(t, shared.Analyzer.FactTypes)

	off := analyzer.New(analyzer.DefaultConfig())
	off.SetHost(fakeHost{})
	require.NoError(t, off.Analyzer.Flags.Set("whole", "false"))
	analysistest.Run(t, hostGOPATH(t, "http.Error"), leakOf(off), "p")
}

// TestHostError: a host that cannot compute the whole program fails the
// package's analysis with its error, rather than reporting less.
func TestHostError(t *testing.T) {
	if testing.Short() {
		t.Skip("host machinery (analyses every dependency from source): skipped in -short mode")
	}
	shared := analyzer.New(analyzer.DefaultConfig())
	shared.SetHost(fakeHost{err: errors.New("go list failed")})
	dir := hostGOPATH(t, "none")
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: filepath.Join(dir, "src", "p"), Env: append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off")}
	pkgs, err := packages.Load(cfg, "p")
	require.NoError(t, err)
	g, err := checker.Analyze([]*analysis.Analyzer{leakOf(shared)}, pkgs, nil)
	require.NoError(t, err)
	require.NotEmpty(t, g.Roots)
	for _, act := range g.Roots {
		require.Error(t, act.Err, "the check fails with the host's error")
		assert.Contains(t, act.Err.Error(), "go list failed", "the check's own error names the cause (go vet shows one analyzer's error)")
	}
}
