// Package checktest holds what the tests of every check share: the
// GOPATH of the test data (testdata/src at the module root), running an
// analyzer on its packages with analysistest, and loading them for a
// driver. It is imported only by tests; what a check is tested on stays
// in the check's own tests.
package checktest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	upstream "github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
)

// gcPercent is the GOGC of the tests that import checktest, unless GOGC
// is set: analysistest loads and type-checks the standard library from
// source on each run, and at 400 the collector takes a quarter less CPU
// for twice the memory (a check's tests: 18.5 s and 0.5 GB at the
// default, 13.9 s and 1.1 GB at 400).
const gcPercent = 400

func init() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}

// Testdata returns the absolute path of the module's testdata directory,
// the GOPATH whose src holds the packages the checks are tested on. It is
// found from the test's working directory (its package directory) up to
// the directory holding go.mod.
func Testdata(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("checktest: no go.mod above the test's directory")
		}
		dir = parent
	}
}

// Run runs a on the test data packages pkgs (patterns such as
// "leak/gin" or "leak/realfp/...") and checks the diagnostics against
// the packages' // want comments.
func Run(t *testing.T, a *analysis.Analyzer, pkgs ...string) []*analysistest.Result {
	t.Helper()
	return analysistest.Run(t, Testdata(t), a, pkgs...)
}

// RunWithSuggestedFixes is Run that also checks the suggested fixes
// against the packages' .golden files.
func RunWithSuggestedFixes(t *testing.T, a *analysis.Analyzer, pkgs ...string) []*analysistest.Result {
	t.Helper()
	return analysistest.RunWithSuggestedFixes(t, Testdata(t), a, pkgs...)
}

// Load loads the test data packages pkgs with the syntax and types of
// them and their dependencies (packages.LoadAllSyntax), in GOPATH mode
// as analysistest does, for tests that run analyzers with a driver
// (go/analysis/checker). Any load error fails the test.
func Load(t testing.TB, pkgs ...string) []*packages.Package {
	t.Helper()
	gopath := Testdata(t)
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(gopath, "src"),
		Env:  append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=", "GOWORK=off"),
	}
	loaded, err := packages.Load(cfg, pkgs...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(loaded) > 0 {
		t.Fatal("load errors")
	}
	return loaded
}

// Recorder is an analysistest.Testing that keeps the errors instead of
// failing the test, for tests that expect a run to miss or add findings.
type Recorder struct{ Errs []string }

// Errorf records the error.
func (r *Recorder) Errorf(format string, args ...any) {
	r.Errs = append(r.Errs, fmt.Sprintf(format, args...))
}

// Cases are test data packages, by pattern (such as "leak/gin" or
// "leak/realfp/..."), each with what it shows.
type Cases map[string]string

var caseFilter = flag.String("case", "", "checktest: run only the cases whose pattern matches this regular expression")

// RunCases runs a on the packages of every case in one analysistest run
// (RunWithSuggestedFixes when fixes is set) and checks their // want
// comments. One run loads and analyses the standard library and the
// stubs the cases import once, not once per case: most of a check's test
// time. -case=REGEXP runs only the matching cases.
func RunCases(t *testing.T, a *analysis.Analyzer, fixes bool, cases ...Cases) []*analysistest.Result {
	t.Helper()
	var filter *regexp.Regexp
	if *caseFilter != "" {
		var err error
		if filter, err = regexp.Compile(*caseFilter); err != nil {
			t.Fatalf("-case: %v", err)
		}
	}
	var patterns []string
	for _, cs := range cases {
		for pattern := range cs {
			if filter == nil || filter.MatchString(pattern) {
				patterns = append(patterns, pattern)
			}
		}
	}
	slices.Sort(patterns)
	if len(patterns) == 0 {
		t.Skipf("no case matches -case=%s", *caseFilter)
	}
	if fixes {
		return RunWithSuggestedFixes(t, a, patterns...)
	}
	return Run(t, a, patterns...)
}

// RunWhole runs a check as the standalone command does on a whole
// program, and checks the // want comments of the packages pkgs against
// what the second phase reports. dir is a module (a directory with a
// go.mod whose dependencies are vendored: analysistest loads it with
// GOPROXY=off) and module its path; newCheck builds the check on a
// shared analysis. The first phase analyses the packages with dynamic
// labels and collects their summaries, which the join (analyzer/wholeprog)
// resolves; the second analyses every package again with the join
// installed, so that every package's wants are checked against one run
// (the command analyses again only the packages whose findings the join
// can change, and keeps the others' first findings, which are the same).
func RunWhole(t *testing.T, dir, module string, newCheck func(shared *analysis.Analyzer) *analysis.Analyzer, pkgs ...string) []*analysistest.Result {
	t.Helper()
	VendorEnv(t, dir)
	shared := upstream.New(upstream.DefaultConfig())
	shared.Collect(module)
	rec := &Recorder{}
	first := analysistest.Run(rec, dir, newCheck(shared.Analyzer), pkgs...)
	shared.Collect()
	var roots []string
	for _, r := range first {
		if r.Pass != nil && !slices.Contains(roots, r.Pass.Pkg.Path()) {
			roots = append(roots, r.Pass.Pkg.Path())
		}
	}
	if len(roots) == 0 {
		t.Fatalf("RunWhole: no package of %s analysed: %v", dir, rec.Errs)
	}
	prog := wholeprog.Join(shared.Summaries(), roots, []string{module})
	for _, r := range roots {
		prog.Rerun[r] = true // every package reports in the second phase, and its wants are checked there
	}
	shared.SetProgram(prog)
	defer shared.SetProgram(nil)
	return analysistest.Run(t, dir, newCheck(shared.Analyzer), pkgs...)
}

// VendorEnv makes the go command load the module in dir from its vendor
// directory, when it has one, whatever GOFLAGS the environment gives (the
// README's commands run with -mod=mod): test modules vendor the stubs.
func VendorEnv(t *testing.T, dir string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, "vendor", "modules.txt")); err == nil {
		t.Setenv("GOFLAGS", "-mod=vendor")
	}
}
