package runner

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// What the runner and the driver's oracle share, so that both see the
// program, its errors and the analyzers alike.

// JoinStats is what the whole-program resolution did, for -debug.stats.
type JoinStats struct {
	Keys     int // dynamic calls: interface methods and func fields
	Resolved int // of them, resolved
	Types    int // the converted types they were resolved over
	Again    int // the packages analysed again
}

func (j JoinStats) String() string {
	return fmt.Sprintf("%d dynamic calls (interface methods and func fields), %d resolved over %d converted types; %d packages analysed again", j.Keys, j.Resolved, j.Types, j.Again)
}

// LoadErrors lists the errors of the packages and their dependencies, as
// packages.PrintErrors prints them, but for an error with no position
// (a pattern that matches no directory), whose "-: " prefix says nothing:
// its message names the pattern or directory itself.
func LoadErrors(initial []*packages.Package) []string {
	var errs []string
	seen := make(map[*packages.Module]bool)
	packages.Visit(initial, nil, func(pkg *packages.Package) {
		if mod := pkg.Module; mod != nil && mod.Error != nil && !seen[mod] {
			seen[mod] = true
			errs = append(errs, mod.Error.Err)
		}
		for _, err := range pkg.Errors {
			if err.Pos == "" || err.Pos == "-" {
				errs = append(errs, err.Msg)
				continue
			}
			errs = append(errs, err.Error())
		}
	})
	return errs
}

// ForEachAnalyzer calls f on each analyzer and each it requires, once.
func ForEachAnalyzer(analyzers []*analysis.Analyzer, f func(*analysis.Analyzer)) {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(list []*analysis.Analyzer)
	visit = func(list []*analysis.Analyzer) {
		for _, a := range list {
			if !seen[a] {
				seen[a] = true
				f(a)
				visit(a.Requires)
			}
		}
	}
	visit(analyzers)
}

// NeedFacts reports whether an analyzer or one it requires uses facts; the
// whole program must then be loaded from source.
func NeedFacts(analyzers []*analysis.Analyzer) bool {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func([]*analysis.Analyzer) bool
	visit = func(list []*analysis.Analyzer) bool {
		for _, a := range list {
			if seen[a] {
				continue
			}
			seen[a] = true
			if len(a.FactTypes) > 0 || visit(a.Requires) {
				return true
			}
		}
		return false
	}
	return visit(analyzers)
}

// LintedModules returns the modules of the packages being linted.
func LintedModules(initial []*packages.Package) []string {
	var out []string
	for _, p := range initial {
		if p.Module != nil && !slices.Contains(out, p.Module.Path) {
			out = append(out, p.Module.Path)
		}
	}
	return out
}

// absDir returns dir (the current directory when empty) as an absolute
// path.
func absDir(dir string) (string, error) {
	if dir == "" {
		return os.Getwd()
	}
	return filepath.Abs(dir)
}
