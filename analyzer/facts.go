package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/engine"
	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
)

// Result is the outcome of Analyzer for a package.
type Result struct {
	// Engine answers provenance questions. It is nil when the package
	// imports nothing that can produce or answer an upstream value: the
	// checks have nothing to do there.
	Engine *engine.Engine
	// Program is the whole-program join of phase 2 the package was
	// analysed with, or nil.
	Program *wholeprog.Program
	// Replay, when not nil, are the findings of the package that the
	// whole program gives it, by check (a Host's): the checks report
	// them as they are, and Engine is nil.
	Replay map[string][]analysis.Diagnostic
	// Err, when not nil, is the error the checks fail with: the Host's
	// (the whole program could not be computed, or a setting does not
	// resolve).
	Err error

	shared *Shared // the instance that gave the result (CheckFunc)
}

func (sh *Shared) run(pass *analysis.Pass) (any, error) {
	if res, err := sh.hosted(pass); res != nil || err != nil {
		return res, err
	}
	if len(pass.Analyzer.FactTypes) == 0 {
		pass = withoutFacts(pass) // a package a host analyses on its own
	}
	collect, join := sh.wholeState(pass)
	if join != nil && !join.Again(pass.Pkg.Path()) {
		// Phase 2 of the whole-program driver: a package whose findings
		// cannot change. The packages analysed again take its facts from
		// the join.
		return &Result{}, nil
	}
	// In phase 1 of the whole-program driver every package of the linted
	// modules is summarised: a use case reaching its repository through
	// an interface imports no trigger package, and a validator's own
	// errors are known only from its summary.
	if join == nil && !collect && !sh.mayHoldFindings(pass) {
		return &Result{}, nil
	}
	prog := ssa.NewProgram(pass.Fset, ssa.BuilderMode(0))
	for _, p := range pass.Pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	ssapkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	ssapkg.Build()

	var funcs []*ssa.Function
	var addAnons func(f *ssa.Function)
	addAnons = func(f *ssa.Function) {
		funcs = append(funcs, f)
		for _, anon := range f.AnonFuncs {
			addAnons(anon)
		}
	}
	var named []*ssa.Function
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			if f := prog.FuncValue(obj); f != nil {
				named = append(named, f)
				addAnons(f)
			}
		}
	}
	// Package-level variable initialisers can hold function literals.
	if initFn := ssapkg.Func("init"); initFn != nil {
		for _, anon := range initFn.AnonFuncs {
			addAnons(anon)
		}
	}

	var sum *wholeprog.PackageSummary
	names := sh.refs() // names functions in sum
	importFact := func(obj *types.Func) *wholeprog.FuncFact {
		if join != nil {
			// Phase 2: a package analysed again exports facts computed
			// with the join (its dynamic calls resolved, its own errors
			// known through them), which its importers take; the other
			// packages' are the join's, resolved.
			if obj.Pkg() != nil && join.Again(obj.Pkg().Path()) {
				var f wholeprog.FuncFact
				if pass.ImportObjectFact(obj, &f) {
					return &f
				}
				return nil
			}
			return join.Fact(obj)
		}
		var f wholeprog.FuncFact
		if !pass.ImportObjectFact(obj, &f) {
			return nil
		}
		if sum != nil && obj.Pkg() != nil {
			// phase 1: phase 2 takes its imports' facts from the join
			// (those of the linted packages resolved; a package path does
			// not say its module: a nested module's packages share the
			// linted module's prefix)
			sum.AddImported(knowledge.FullName(obj), &f)
		}
		return &f
	}
	e := engine.NewEngine(ssapkg, funcs, importFact)
	e.Generated = generatedFiles(pass)
	e.Budget = int(sh.cfg.Budget)
	e.Deps = &sh.cfg.Deps
	e.Stats = sh.newStats(pass.Pkg)
	if pass.Module != nil {
		e.Module = pass.Module.Path
	}
	if (collect || join != nil) && pass.Module != nil {
		e.Dynamic, e.Prog = join == nil, join
		if e.Dynamic {
			sh.startSummary(e, pass.Pkg)
			sum = e.Sum
			e.NoteHandlers()
			if sum != nil {
				// test files wire fakes and mocks: what production wires
				// is in the package's other files
				var files []*ast.File
				for _, f := range pass.Files {
					if tf := pass.Fset.File(f.FileStart); tf == nil || !strings.HasSuffix(tf.Name(), "_test.go") {
						files = append(files, f)
					}
				}
				ts, stored := wholeprog.Conversions(files, pass.TypesInfo)
				wholeprog.SummarizeConversions(sum, pass.Fset, names, ts, stored, func(fn *types.Func) *wholeprog.FuncFact {
					var f wholeprog.FuncFact
					if fn.Pkg() == nil || fn.Pkg() == pass.Pkg || !pass.ImportObjectFact(fn, &f) {
						return nil // this package's: its summary has it
					}
					return &f
				})
			}
		}
	}
	e.Lock()
	defer e.Unlock()
	hs := e.InstalledHandlers()
	e.OwnHandlers = append(make([]knowledge.InstalledHandler, 0), wholeprog.MergeHandlers(hs)...)
	if len(hs) > 0 {
		pass.ExportPackageFact(&engine.ErrorHandlerFact{Handlers: hs})
		if sum != nil {
			sum.Handlers = hs
		}
	}

	exported := false
	for _, fn := range named {
		obj, ok := fn.Object().(*types.Func)
		if !ok || obj.Name() == "init" {
			continue
		}
		if sum != nil {
			sum.Funcs[knowledge.FullName(obj)] = wholeprog.FuncEntry{Ref: names.FuncRef(pass.Fset, obj)} // the fact, if any, below
		}
		s := e.LocalSummary(fn)
		own := obj.Exported() && e.OwnErrors(fn)
		var setters *wholeprog.SetterFact
		var serverText *wholeprog.ServerText
		if obj.Exported() {
			setters = e.SetterFact(fn)
			serverText = e.ServerTextFact(fn)
		}
		written := e.WrittenErrorSinks(fn)
		if s.Empty() && !own && setters == nil && serverText == nil && written == nil {
			continue
		}
		ff := &wholeprog.FuncFact{Sinks: s.Sinks, OwnErrors: own, Setters: setters, ServerText: serverText, Written: written}
		for _, r := range s.Results {
			ff.Results = append(ff.Results, labels.ToFact(r, fn))
		}
		for _, ef := range s.Effects {
			ff.Effects = append(ff.Effects, wholeprog.FactEffect{Param: ef.Param, Path: ef.Path, Labels: labels.ToFact(ef.Labels, fn)})
		}
		pass.ExportObjectFact(obj, ff)
		if sum != nil {
			sum.Funcs[knowledge.FullName(obj)] = wholeprog.FuncEntry{Fact: ff, Ref: names.FuncRef(pass.Fset, obj)}
		}
		if !s.Empty() || setters != nil || serverText != nil {
			exported = true // OwnErrors alone gives importers nothing to find
		}
	}
	if exported {
		pass.ExportPackageFact(&wholeprog.PkgFact{})
	}
	return &Result{Engine: e, Program: join, shared: sh}, nil
}

// mayHoldFindings decides, before any SSA is built, whether a package
// can contain a source, a sink or a helper worth a fact: it must import
// a trigger package, or a package with upstreamlint facts and then use
// one of its summarised functions. Under go vet the tool runs on every
// dependency, the standard library included, so this is what keeps the
// cost near zero for most packages.
func (s *Shared) mayHoldFindings(pass *analysis.Pass) bool {
	viaFacts := false
	for _, imp := range pass.Pkg.Imports() {
		if knowledge.TriggerImports[imp.Path()] || s.cfg.Deps.Match(imp.Path()) || knowledge.DependencyLibraries.Match(imp.Path()) || importsGRPC(imp) {
			// Even a package with no source or sink use can hold a helper
			// that passes a status or an error through (a partial mapper).
			return true
		}
		var pf wholeprog.PkgFact
		if !viaFacts && pass.ImportPackageFact(imp, &pf) {
			viaFacts = true
		}
	}
	if !viaFacts {
		return false
	}
	seen := make(map[*types.Func]bool)
	for _, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || seen[fn] {
			continue
		}
		seen[fn] = true
		if fn.Pkg() != nil && fn.Pkg() != pass.Pkg {
			var f wholeprog.FuncFact
			if pass.ImportObjectFact(fn.Origin(), &f) && f.Summarises() {
				return true
			}
		}
	}
	return false
}

// An Import is what a driver knows of a package's import before the
// package is analysed: its path, whether grpc is among its dependencies
// (mayHoldFindings asks its export data, which names any package its API
// refers to), and whether it has upstreamlint summaries (a PkgFact).
type Import struct {
	Path       string
	GRPC       bool
	Summarised bool
}

// MayAnalyse reports whether the shared analyzer may do anything in a
// package with these imports that is neither linted nor summarised for
// the whole-program join: it is the first test of mayHoldFindings (a
// superset of it), on what a driver knows before it parses the package.
// A driver that gets a package's types from export data analyses from
// source only the packages where it holds.
func (s *Shared) MayAnalyse(imports []Import) bool {
	return s.WhyAnalyse(imports) != ""
}

// WhyAnalyse is MayAnalyse with its reason: "" when the package need not
// be analysed, or what makes it worth it, as "imports net/http" (a
// package the analysis knows), "imports a summarised package P",
// "imports a dependency library P", "imports P (-upstreamfacts.deps)" or
// "depends on grpc through P". The first import that holds is named
// (-debug.stats' profile of the packages analysed from source).
func (s *Shared) WhyAnalyse(imports []Import) string {
	grpc := ""
	for _, imp := range imports {
		switch {
		case knowledge.TriggerImports[imp.Path]:
			return "imports " + imp.Path
		case knowledge.DependencyLibraries.Match(imp.Path):
			return "imports a dependency library " + imp.Path
		case s.cfg.Deps.Match(imp.Path):
			return "imports " + imp.Path + " (-upstreamfacts.deps)"
		case imp.Summarised:
			return "imports a summarised package " + imp.Path
		case imp.GRPC && grpc == "":
			grpc = "depends on grpc through " + imp.Path
		}
	}
	return grpc
}

// importsGRPC reports whether a package imports grpc itself: generated
// service packages do, and a server that only imports its generated
// package (and returns its client's errors) must still be analysed.
func importsGRPC(p *types.Package) bool {
	for _, imp := range p.Imports() {
		if knowledge.RPCRuntimes[imp.Path()] {
			return true
		}
	}
	return false
}

// generatedFiles returns whether a position of the package is in one of
// its generated files (shapes.GeneratedFile).
func generatedFiles(pass *analysis.Pass) func(token.Pos) bool {
	var gen []*ast.File
	for _, f := range pass.Files {
		if shapes.GeneratedFile(f) {
			gen = append(gen, f)
		}
	}
	return func(pos token.Pos) bool {
		for _, f := range gen {
			if f.FileStart <= pos && pos <= f.FileEnd {
				return true
			}
		}
		return false
	}
}
