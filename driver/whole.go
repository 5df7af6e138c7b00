package driver

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

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
	in := upstream.JoinInput{
		Facts:   make(map[*types.Func]*upstream.FuncFact),
		Dynamic: upstream.DynamicSeen(),
		Stored:  make(map[string][]upstream.StoredFunc),

		Envelopes: upstream.EnvelopeCalls(),
	}
	modules := make(map[string]bool)
	for _, m := range lintedModules(initial) {
		modules[m] = true
	}
	seenPkg := make(map[*packages.Package]bool)
	seenHandlers := make(map[*types.Package]bool)
	for act := range res.actions() {
		if act.Analyzer != upstream.Analyzer || act.Err != nil {
			continue
		}
		for _, pf := range act.AllPackageFacts() {
			// only the linted modules' installs: a framework's own New
			// installs its default handler
			if eh, ok := pf.Fact.(*upstream.ErrorHandlerFact); ok && !seenHandlers[pf.Package] && inModules(pf.Package.Path(), modules) {
				seenHandlers[pf.Package] = true
				in.Handlers = append(in.Handlers, eh.Handlers...)
			}
		}
		for _, of := range act.AllObjectFacts() {
			if fn, ok := of.Object.(*types.Func); ok {
				if ff, ok := of.Fact.(*upstream.FuncFact); ok {
					in.Facts[fn] = ff
				}
			}
		}
		p := act.Package
		if seenPkg[p] || p.Module == nil || !modules[p.Module.Path] || p.TypesInfo == nil {
			continue
		}
		seenPkg[p] = true
		// Test files wire fakes and mocks: what production wires is
		// in the package's other files.
		var files []*ast.File
		for _, f := range p.Syntax {
			if tf := p.Fset.File(f.FileStart); tf == nil || !strings.HasSuffix(tf.Name(), "_test.go") {
				files = append(files, f)
			}
		}
		ts, stored := upstream.Conversions(files, p.TypesInfo)
		in.Types = append(in.Types, ts...)
		for k, fs := range stored {
			for _, f := range fs {
				if !slices.Contains(in.Stored[k], f) {
					in.Stored[k] = append(in.Stored[k], f)
				}
			}
		}
	}
	if len(in.Dynamic) == 0 && len(in.Envelopes) == 0 {
		return nil
	}
	in.Modules = lintedModules(initial)
	for _, p := range initial {
		if p.Types != nil {
			in.Roots = append(in.Roots, p.Types)
		}
	}
	prog := upstream.Join(in)
	var again []*packages.Package
	for _, p := range initial {
		if p.Types != nil && prog.Rerun(p.Types) {
			again = append(again, p)
		}
	}
	res.join = joinStats{keys: prog.Keys(), resolved: prog.Resolved(), types: len(in.Types), again: len(again)}
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
	roots := slices.DeleteFunc(slices.Clone(res.roots), func(act *checker.Action) bool { return redone[act.Package] })
	res.roots = append(roots, graph.Roots...)
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

// inModules reports whether an import path belongs to one of the modules.
func inModules(path string, modules map[string]bool) bool {
	for m := range modules {
		if path == m || strings.HasPrefix(path, m+"/") {
			return true
		}
	}
	return false
}
