package analyzer

import (
	"go/types"
	"maps"
	"reflect"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/upstreamlint/upstreamlint/analyzer/engine"
	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
)

// Config is the setting of the shared analysis. It decides what is
// upstream, so every check of an instance sees the same sources and
// facts stay check-independent.
type Config struct {
	// Deps are the user's dependency client packages (Redis, Mongo,
	// cloud SDKs, …): the error results of their functions and methods
	// are dependency errors (-upstreamfacts.deps).
	Deps knowledge.PathPrefixes
	// Budget is the engine's work budget per function (Engine.Budget):
	// how much the analysis may cost, not what it finds where it
	// completes (-upstreamfacts.budget).
	Budget PositiveInt
	// Whole turns the whole-program join on (-upstreamfacts.whole): the
	// standalone runner joins the packages' summaries, and a
	// per-package host with a Host (golangci-lint, go vet) reports what
	// the runner found. Off: every package is analysed on its own, with
	// its imports' facts only (fewer findings).
	Whole bool
}

// DefaultConfig returns the shared analysis' default settings.
func DefaultConfig() Config { return Config{Budget: engine.DefaultBudget, Whole: true} }

// Shared is one instance of the analysis behind every check: it builds
// SSA for packages that can hold a finding, tracks upstream provenance,
// and exports what callers in other packages need to know about each
// function as facts. It reports nothing.
//
// Everything an instance knows is its own: its settings (bound to its
// Analyzer's flags), the whole-program state a runner gives it
// (Collect, SetProgram), the summaries its packages made, and the
// engine's statistics. Two instances in one process (golangci-lint
// builds one per set of settings) share nothing.
type Shared struct {
	// Analyzer is the instance's analyzer, which the checks require.
	Analyzer *analysis.Analyzer

	cfg Config

	mu sync.Mutex
	// collect are the modules of phase 1 of the whole-program join,
	// whose packages make dynamic labels (Collect)
	collect []string
	// prog is the join of phase 2 (SetProgram)
	prog *wholeprog.Program
	// summaries are what each package of the linted modules told the
	// join in phase 1, until the runner takes them (TakeSummary)
	summaries map[*types.Package]*wholeprog.PackageSummary
	// goroot is GOROOT as the runner knows it (SetGOROOT)
	goroot string
	// host gives a per-package host the whole program's findings
	// (SetHost)
	host Host
	// stats are the engines' statistics, when asked for (CollectStats)
	statsOn bool
	stats   []*engine.Stats
	// loader loads the package of a function setting (SetFuncLoader);
	// loaded are its answers, by import path, under loadMu
	loader FuncLoader
	loadMu sync.Mutex
	loaded map[string]loadedPackage
}

// New returns an instance of the shared analysis with the settings cfg,
// bound to its own flags -deps and -budget.
func New(cfg Config) *Shared {
	s := &Shared{cfg: cfg}
	s.cfg.Deps.List = slices.Clone(cfg.Deps.List) // Set appends: share no array
	if s.cfg.Budget <= 0 {
		s.cfg.Budget = engine.DefaultBudget
	}
	s.Analyzer = &analysis.Analyzer{
		Name:       "upstreamfacts",
		Doc:        "track upstream provenance for the upstreamlint checks",
		URL:        "https://github.com/upstreamlint/upstreamlint/blob/main/docs/design.md",
		Run:        s.run,
		ResultType: reflect.TypeFor[*Result](),
		FactTypes:  factTypes(),
	}
	s.Analyzer.Flags.Var(&s.cfg.Deps, "deps", "comma-separated import paths of dependency client packages (and the packages below them) whose errors are dependency errors, e.g. example.com/acme/billing/client")
	s.Analyzer.Flags.Var(&s.cfg.Budget, "budget", "work the provenance engine may spend on one function before it gives up on it, silently (its findings are dropped)")
	BoolVar(&s.Analyzer.Flags, &s.cfg.Whole, "whole", s.cfg.Whole, "resolve interfaces and func values over the whole program (the linted modules' packages), in every host; false: each package with its imports' facts only, with fewer findings")
	return s
}

// factTypes are the facts the shared analysis exports.
func factTypes() []analysis.Fact {
	return []analysis.Fact{new(wholeprog.FuncFact), new(wholeprog.PkgFact), new(engine.ErrorHandlerFact)}
}

// Analyzer is the shared analysis with its default settings, which the
// package-level analyzers of the checks require (go vet, nogo).
var Analyzer = New(DefaultConfig()).Analyzer

// Collect turns dynamic labels on (phase 1 of the whole-program join)
// for the packages of the given modules (the modules being linted, not
// their dependencies), or off (none). Only a runner that will Join the
// summaries may turn it on: facts then carry labels that only the join
// resolves. Turning it on forgets the summaries made before.
func (s *Shared) Collect(modules ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.collect = modules
	if len(modules) > 0 {
		s.summaries = make(map[*types.Package]*wholeprog.PackageSummary)
	}
}

// SetProgram installs the join for the analyses that follow (phase 2),
// or removes it (nil).
func (s *Shared) SetProgram(p *wholeprog.Program) {
	s.mu.Lock()
	s.prog = p
	s.mu.Unlock()
}

// TakeSummary returns what pkg told the join in phase 1, or nil, and
// forgets it: the runner keeps the summaries (and caches them) and lets
// the package's types go.
func (s *Shared) TakeSummary(pkg *types.Package) *wholeprog.PackageSummary {
	s.mu.Lock()
	defer s.mu.Unlock()
	sum := s.summaries[pkg]
	delete(s.summaries, pkg)
	return sum
}

// Summaries returns what the packages of phase 1 told the join and the
// runner did not take, in a stable order, and forgets them.
func (s *Shared) Summaries() []*wholeprog.PackageSummary {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := slices.Collect(maps.Values(s.summaries))
	clear(s.summaries)
	wholeprog.SortSummaries(out)
	return out
}

// Whole reports whether the whole-program join is on (Config.Whole).
func (s *Shared) Whole() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cfg.Whole
}

// SetGOROOT tells the analysis where GOROOT is: the compiler's export
// data names std's files $GOROOT/src/…, and the join names functions by
// their real position.
func (s *Shared) SetGOROOT(dir string) {
	s.mu.Lock()
	s.goroot = dir
	s.mu.Unlock()
}

// CollectStats makes every engine created from now on record its
// statistics, for Stats.
func (s *Shared) CollectStats() {
	s.mu.Lock()
	s.statsOn = true
	s.mu.Unlock()
}

// Stats returns a copy of the statistics of every engine created since
// CollectStats, in creation order.
func (s *Shared) Stats() []engine.Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]engine.Stats, len(s.stats))
	for i, st := range s.stats {
		out[i] = *st
		out[i].GaveUp = slices.Clone(st.GaveUp)
	}
	return out
}

// newStats returns the statistics of a new engine for pkg, or nil when
// none are collected.
func (s *Shared) newStats(pkg *types.Package) *engine.Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.statsOn {
		return nil
	}
	st := &engine.Stats{Pkg: pkg.Path()}
	s.stats = append(s.stats, st)
	return st
}

// wholeState says whether pass's package makes dynamic labels (phase 1)
// and returns the join of phase 2, if any.
func (s *Shared) wholeState(pass *analysis.Pass) (collect bool, join *wholeprog.Program) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if pass.Module != nil {
		collect = slices.Contains(s.collect, pass.Module.Path)
	}
	return collect, s.prog
}

// startSummary gives the engine of a package of phase 1 its summary.
func (s *Shared) startSummary(e *engine.Engine, pkg *types.Package) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.summaries == nil {
		return
	}
	e.Sum = wholeprog.NewPackageSummary(pkg.Path())
	e.DynSeen = e.Sum.Dynamic
	s.summaries[pkg] = e.Sum
}

// refs returns what names functions for the join with this instance's
// settings.
func (s *Shared) refs() wholeprog.Namer {
	s.mu.Lock()
	defer s.mu.Unlock()
	deps := &s.cfg.Deps
	return wholeprog.Namer{Goroot: s.goroot, Sources: func(fn *types.Func) []knowledge.Kind { return shapes.SourceKindsOf(fn, knowledge.FullName(fn), deps) }}
}
