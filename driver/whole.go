package driver

import (
	"fmt"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	upstream "github.com/upstreamlint/upstreamlint/analyzer"
)

// resolveProgram is the second phase of the whole-program resolution
// (analyzer/program.go): it joins what the first phase's summaries say
// about the module's interfaces and func-typed fields, and analyses again
// the root packages whose findings the join can change. Their findings
// replace the first phase's; every other package keeps its own.
func (res *result) resolveProgram(analyzers []*analysis.Analyzer, initial []*packages.Package) error {
	summaries := upstream.Summaries()
	if len(summaries) == 0 {
		return nil
	}
	var roots []string
	for _, p := range initial {
		if p.Types != nil {
			roots = append(roots, p.PkgPath)
		}
	}
	prog := upstream.Join(summaries, roots, lintedModules(initial))
	var again []*packages.Package
	for _, p := range initial {
		if p.Types != nil && prog.Again(p.PkgPath) {
			again = append(again, p)
		}
	}
	res.join = joinStats{keys: prog.KeyCount(), resolved: prog.Resolved(), types: prog.ConvertedTypes(), again: len(again)}
	if len(again) == 0 {
		return nil
	}
	upstream.SetProgram(prog)
	graph, err := checker.Analyze(analyzers, again, nil)
	upstream.SetProgram(nil)
	if err != nil {
		return err
	}
	res.graphs = append(res.graphs, graph)
	redone := make(map[*packages.Package]bool)
	for _, p := range again {
		redone[p] = true
	}
	roots2 := slices.DeleteFunc(slices.Clone(res.roots), func(act *checker.Action) bool { return redone[act.Package] })
	res.roots = append(roots2, graph.Roots...)
	return nil
}

// lintedModules returns the modules of the packages being linted.
func lintedModules(initial []*packages.Package) []string {
	var out []string
	for _, p := range initial {
		if p.Module != nil && !slices.Contains(out, p.Module.Path) {
			out = append(out, p.Module.Path)
		}
	}
	return out
}

// joinStats is what the whole-program resolution did, for -debug.stats.
type joinStats struct {
	keys, resolved, types, again int
}

func (j joinStats) String() string {
	return fmt.Sprintf("%d dynamic calls (interface methods and func fields), %d resolved over %d converted types; %d packages analysed again", j.keys, j.resolved, j.types, j.again)
}
