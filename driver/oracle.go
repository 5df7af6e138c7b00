package driver

import (
	"fmt"
	"go/types"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	upstream "github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
	"github.com/upstreamlint/upstreamlint/driver/runner"
)

// The oracle: the whole program loaded from source and analysed by
// golang.org/x/tools/go/analysis/checker, as multichecker does. It is
// not a runner of the command (Command.Oracle selects it): tests hold
// the runner's findings against it, finding by finding.

// analyzeChecker loads the packages matching patterns from dir, from
// source, and runs the analyzers on them with the checker, the join of
// shared (if any) included: the oracle (Command.Oracle).
func analyzeChecker(dir string, patterns []string, analyzers []*analysis.Analyzer, shared *upstream.Shared, tests bool, prog *progress) (*result, error) {
	dir, err := absDir(dir)
	if err != nil {
		return nil, err
	}
	mode := packages.LoadSyntax | packages.NeedModule
	if runner.NeedFacts(analyzers) {
		mode = packages.LoadAllSyntax | packages.NeedModule
	}
	cfg := &packages.Config{Mode: mode, Dir: dir, Tests: tests}
	start := time.Now()
	prog.set(runner.PhaseLoading)
	initial, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	loaded := time.Since(start)
	if len(initial) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	if err := checkFuncSettings(dir, analyzers, initial); err != nil {
		return nil, err
	}
	res := newResult(dir, analyzers)
	res.loadErrors = runner.LoadErrors(initial)
	res.load = loaded
	packages.Visit(initial, nil, func(*packages.Package) { res.packages++ })

	whole := shared != nil && runner.NeedFacts(analyzers)
	if whole {
		shared.Collect(runner.LintedModules(initial)...)
	}
	start = time.Now()
	prog.set("analysing packages")
	graph, err := checker.Analyze(analyzers, initial, nil)
	if whole {
		shared.Collect()
	}
	if err != nil {
		return nil, err
	}
	res.phases = append(res.phases, time.Since(start))
	res.graphs = []*checker.Graph{graph}
	res.roots = graph.Roots
	if whole {
		start = time.Now()
		prog.set("whole program: analysing packages again")
		if err := res.resolveChecker(analyzers, shared, initial); err != nil {
			return nil, err
		}
		if len(res.graphs) > 1 {
			res.phases = append(res.phases, time.Since(start))
		}
	}
	res.collect()
	return res, nil
}

// resolveChecker is the oracle's second phase of the whole-program
// resolution (package analyzer/wholeprog): it joins what the first phase's
// summaries say about the module's interfaces and func-typed fields, and
// analyses again the root packages whose findings the join can change.
// Their findings replace the first phase's; every other package keeps
// its own.
func (res *result) resolveChecker(analyzers []*analysis.Analyzer, shared *upstream.Shared, initial []*packages.Package) error {
	summaries := shared.Summaries()
	if len(summaries) == 0 {
		return nil
	}
	var roots []string
	for _, p := range initial {
		if p.Types != nil {
			roots = append(roots, p.PkgPath)
		}
	}
	prog := wholeprog.Join(summaries, roots, runner.LintedModules(initial))
	var again []*packages.Package
	for _, p := range initial {
		if p.Types != nil && prog.Again(p.PkgPath) {
			again = append(again, p)
		}
	}
	res.join = runner.JoinStats{Keys: prog.KeyCount(), Resolved: prog.Resolved(), Types: prog.ConvertedTypes(), Again: len(again)}
	if len(again) == 0 {
		return nil
	}
	shared.SetProgram(prog)
	graph, err := checker.Analyze(analyzers, again, nil)
	shared.SetProgram(nil)
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

// checkFuncSettings checks the function settings of analyzers
// (analyzer.FuncSetting), as the runner does: against the types of the
// loaded graph, or of the package loaded on its own when the graph does
// not hold it. It returns nil or the *analyzer.SettingError of the
// first that does not resolve.
func checkFuncSettings(dir string, analyzers []*analysis.Analyzer, initial []*packages.Package) error {
	settings := upstream.FuncSettings(analyzers)
	if len(settings) == 0 {
		return nil
	}
	byID := make(map[string]*packages.Package)
	packages.Visit(initial, nil, func(p *packages.Package) { byID[p.ID] = p })
	for _, s := range settings {
		path := s.Func.Path
		var pkg *types.Package
		if p := byID[path]; p != nil && len(p.Errors) == 0 && p.Types != nil {
			pkg = p.Types
		} else if p != nil && len(p.Errors) > 0 {
			return s.Errorf("package %s cannot be loaded: %s", path, strings.Join(strings.Fields(p.Errors[0].Msg), " "))
		} else {
			pkgs, errs, err := runner.LoadTypes(dir, []string{path})
			if err != nil {
				return err
			}
			if err := errs[path]; err != nil {
				return s.Errorf("package %s cannot be loaded: %v", path, err)
			}
			pkg = pkgs[path]
		}
		if err := s.Check(pkg); err != nil {
			return err
		}
	}
	return nil
}
