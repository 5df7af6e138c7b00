package runner

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/flate"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"

	upstream "github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
	"github.com/upstreamlint/upstreamlint/driver/format"
)

// The runner (the export runner: every package's types from export data).
//
// It keeps the checker's cost and drops its memory. go list gives the
// package graph; the runner then analyses from source, one package at a
// time in dependency order (as many at once as there are CPUs), only the
// packages where the analysis can do something: the packages linted,
// the other packages of their modules (the whole-program join summarises
// them all), and the dependencies that import a package the analysis
// knows (net/http, database/sql, a client library) or one that has
// upstreamlint facts. Each is type-checked against its imports' types
// from the compiler's export data (go list -export: the go build cache),
// read once each, when a package analysed from source first needs them;
// the other packages are never parsed. A package's syntax, types.Info
// and SSA are dropped as soon as its analyses end; what stays is its
// facts, its findings and its summary for the join. Facts are keyed by
// package and object path (golang.org/x/tools/go/types/objectpath), as
// go vet's vetx files key them.
//
// Each package's results are kept in a cache (cache.go): a run on
// an unchanged tree reads them all, and type-checks nothing.

// exportGCPercent is the export runner's GOGC, unless the environment
// sets one. The heap the runner keeps live is small (export data, the
// packages being analysed) and most of what it allocates dies with its
// package, so collecting at 50 % growth instead of 100 % keeps the peak
// memory nearer what is live, for CPU it can spare. dex, cold (CPU s,
// peak RSS MiB): GOGC=100 12.3, 471; 50 16.9, 313; 35 18.8, 278; 25
// 22.9, 282 (staticcheck: 52.9, 357; the checker: 23.4, 2647). A run
// whose heap grows large collects at 25 % (gcPolicy, gc.go).
const exportGCPercent = 50

// Config is what a run is given.
type Config struct {
	// Dir is the directory packages are loaded from; empty means the
	// current directory.
	Dir string
	// Patterns are the packages to lint, as for go build: ./...
	Patterns  []string
	Analyzers []*analysis.Analyzer
	// Shared is the instance of the shared analysis the analyzers
	// require, or nil: the run drives its whole-program join.
	Shared *upstream.Shared
	// Context, if not nil, cancels the run: the go commands it started
	// are interrupted (go/packages sends them os.Interrupt, then kills
	// them), no package starts being analysed after it is done, and Run
	// returns its error.
	Context context.Context
	// Settings are the analyzers' command-line settings (-NAME.FLAG=V):
	// the cache keys include them.
	Settings []string
	// Tests: also analyse test files (the packages' test variants).
	Tests bool
	// NoCache leaves the results cache out (-debug.stats: the engine's
	// statistics are then those of every package).
	NoCache bool
	// Progress, if not nil, is told each phase of the run as it starts
	// and, while packages are analysed, how many are done:
	// "analysing packages: 812/2350, 37 from the cache".
	Progress func(phase string)
	// GCPercent is the run's GOGC, unless the environment sets one; 0
	// means the runner's own (exportGCPercent).
	GCPercent int
	// SourceTypes: the types of the packages that are not analysed
	// from source come from their source files, type-checked without
	// function bodies, instead of the compiler's export data: go list
	// compiles nothing (it runs cgo on cgo packages), which a first run
	// on an empty build cache spends most of its time on.
	SourceTypes bool
}

// Result is what a run found.
type Result struct {
	// Trees are what the linted packages reported, as the go/analysis
	// JSON tree prints it: package ID -> analyzer name -> the list of its
	// diagnostics ([]format.JSONDiagnostic) or its error
	// (format.JSONError). An analyzer with nothing to say is absent.
	Trees map[string]map[string]json.RawMessage
	// LoadErrors are the errors of loading and type-checking the
	// packages, AnalysisErrors those of analysing them; Warnings do not
	// fail the run (a results cache that cannot be opened).
	LoadErrors, AnalysisErrors, Warnings []string
	// Join is what the whole-program join did.
	Join JoinStats
	// Load and Phases are the wall times of loading and of each analysis
	// phase; Packages is the size of the loaded graph.
	Load     time.Duration
	Phases   []time.Duration
	Packages int
	// Sourced and FromCache count the packages analysed from source and
	// read from the cache (both phases); Timings is each linted
	// package's analysis time, by ID.
	Sourced, FromCache int
	Timings            map[string]time.Duration
	// Sources are the packages analysed from source (not read from the
	// cache), by ID: the time spent on each, both phases, and why it is
	// analysed (-debug.stats' profile).
	Sources map[string]SourceCost
	// OneAtATime counts the packages analysed one at a time because the
	// heap was past half the run's soft memory limit (-memlimit,
	// GOMEMLIMIT).
	OneAtATime int
	// Roots are the linted packages, by ID: what a per-package host
	// needs to match its packages to the run's (driver/hosted).
	Roots map[string]Root
}

// liveHeap returns the bytes of heap the last collection found live.
func liveHeap() int64 {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(sample[0].Value.Uint64())
}

// A SourceCost is what a package analysed from source cost, and why it
// was analysed: "linted", "summarised for the whole-program join", or
// the reason of Shared.WhyAnalyse for a dependency.
type SourceCost struct {
	Time time.Duration
	Why  string
}

// Root is a linted package of a run.
type Root struct {
	// Path is the package's import path, GoFiles its Go source files
	// (absolute paths, test files included for a test variant).
	Path    string
	GoFiles []string
	// Failed: the package could not be loaded or type-checked; it has
	// no findings and a load error says why.
	Failed bool
}

// PhaseLoading is the phase Progress is told while go list loads the
// packages (and may download modules or a Go toolchain).
const PhaseLoading = "loading packages"

// Run runs the analyzers on the packages of cfg and returns what they
// reported.
func Run(cfg Config) (*Result, error) {
	dir, patterns, analyzers, shared := cfg.Dir, cfg.Patterns, cfg.Analyzers, cfg.Shared
	progress := cfg.Progress
	if progress == nil {
		progress = func(string) {}
	}
	dir, err := absDir(dir)
	if err != nil {
		return nil, err
	}
	var gc *gcPolicy
	if os.Getenv("GOGC") == "" {
		gc = newGCPolicy(cmp.Or(cfg.GCPercent, exportGCPercent))
		defer gc.stop()
	}
	fset := token.NewFileSet()
	// The package graph and the files, without what needs the go build
	// cache (cgo's output, export data): go list is then about twice as
	// fast, and a run whose results all come from the cache needs no
	// more (exportRun.compiled loads the rest on the first miss).
	mode := packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule
	ctx := cmp.Or(cfg.Context, context.Background())
	lcfg := &packages.Config{Context: ctx, Mode: mode, Dir: dir, Tests: cfg.Tests, Fset: fset}
	start := time.Now()
	progress(PhaseLoading)
	initial, err := packages.Load(lcfg, patterns...)
	if err != nil {
		return nil, err
	}
	if len(initial) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	res := &Result{LoadErrors: LoadErrors(initial), Load: time.Since(start), Timings: make(map[string]time.Duration), Sources: make(map[string]SourceCost), Roots: make(map[string]Root)}
	for _, p := range initial {
		res.Roots[p.ID] = Root{Path: p.PkgPath, GoFiles: p.GoFiles, Failed: len(p.Errors) > 0}
	}
	env, err := goEnvJSON(dir)
	if err != nil {
		return nil, err
	}
	if shared != nil {
		shared.SetGOROOT(env["GOROOT"])
	}
	var cache *exportCache
	if !cfg.NoCache {
		settings := cfg.Settings
		if cfg.SourceTypes {
			// the same analysis, but types from another source: entries
			// of their own
			settings = append(slices.Clone(settings), "types=source")
		}
		if cache, err = openExportCache(env, analyzers, settings); err != nil {
			res.Warnings = append(res.Warnings, err.Error())
		}
	}
	lcfg.Mode |= packages.NeedCompiledGoFiles | packages.NeedTypesSizes
	if !cfg.SourceTypes {
		lcfg.Mode |= packages.NeedExportFile
	}

	r := &exportRun{
		fset:      fset,
		gc:        gc,
		units:     make(map[*packages.Package]*unit),
		linted:    make(map[string]bool),
		res:       res,
		cache:     cache,
		trees:     make(map[string]map[string]json.RawMessage),
		summaries: make(map[*unit][]byte),
		byID:      make(map[string]*unit),
		goroot:    env["GOROOT"],
		cfg:       lcfg,
		patterns:  patterns,
		shared:    shared,
		source:    cfg.SourceTypes,
	}
	facts := NeedFacts(analyzers)
	whole := shared != nil && facts && shared.Whole() // the join needs the shared analysis' summaries
	r.facts = r.newFactStore(facts)
	modules := LintedModules(initial)
	r.mine = make(map[string]bool)
	for _, m := range modules {
		r.mine[m] = true
	}
	if whole {
		for _, m := range modules {
			r.linted[m] = true
		}
	}
	for _, p := range initial {
		r.unit(p).root = true
	}
	packages.Visit(initial, nil, func(p *packages.Package) {
		u := r.unit(p)
		r.byID[p.ID] = u
		u.grpc = knowledge.RPCRuntimes[p.PkgPath]
		for _, imp := range p.Imports {
			u.grpc = u.grpc || r.unit(imp).grpc // visited first
		}
		r.order = append(r.order, u)
	})
	res.Packages = len(r.order)
	if err := r.checkFuncSettings(dir, env["GOFLAGS"], analyzers); err != nil {
		return nil, err
	}

	if whole {
		shared.Collect(modules...)
	}
	start = time.Now()
	r.progress = func(done, total, hits int) {
		progress(fmt.Sprintf("analysing packages: %d/%d, %d from the cache", done, total, hits))
	}
	r.progress(0, len(r.order), 0)
	r.ctx = ctx
	r.analyzeAll(r.order, analyzers, 1, r.needSource)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if whole {
		shared.Collect() // every package's summary was taken
	}
	if r.funcs.err != nil {
		return nil, r.funcs.err // a function setting does not resolve
	}
	res.Phases = append(res.Phases, time.Since(start))
	if whole {
		start = time.Now()
		r.progress = func(done, total, hits int) {
			progress(fmt.Sprintf("whole program: analysing packages again: %d/%d", done, total))
		}
		progress("whole program: analysing packages again")
		if err := r.resolveProgram(initial, analyzers); err != nil {
			return nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if res.Join.Again > 0 {
			res.Phases = append(res.Phases, time.Since(start))
		}
	}
	res.Sourced, res.FromCache = r.stats.analysed, r.stats.hits
	res.Trees = r.trees
	return res, nil
}

// exportRun is one run of the export runner.
type exportRun struct {
	fset   *token.FileSet
	gc     *gcPolicy // nil when the environment sets GOGC
	facts  *factStore
	units  map[*packages.Package]*unit
	order  []*unit         // dependencies first
	linted map[string]bool // the modules whose packages are all summarised
	res    *Result
	cache  *exportCache
	stats  cacheStats
	// joinSum is phase 2's: the hash of the encoded join, which the
	// packages' keys include
	joinSum [sha256.Size]byte
	// mu guards res's errors and timings, trees (the JSON tree's part of
	// each linted package) and summaries (phase 1's, as compressed JSON, for the join)
	mu        sync.Mutex
	trees     map[string]map[string]json.RawMessage
	summaries map[*unit][]byte
	// byID finds a unit by its package's ID; cfg and patterns load the
	// packages again, with their compiled files and export data, the
	// first time a package is analysed from source (compiled)
	byID     map[string]*unit
	goroot   string // export data names std's files $GOROOT/src/…
	cfg      *packages.Config
	patterns []string
	shared   *upstream.Shared // the shared analysis the analyzers require, if any
	fullOnce sync.Once
	fullErr  error
	// brokenDeps holds the packages (by ID) that import, directly or
	// not, a package that does not compile: their type errors only
	// repeat that package's, which the load errors name (set by compiled)
	brokenDeps map[string]bool
	// ctx cancels the run: no unit starts being analysed after it is done
	ctx context.Context
	// progress is told, as each unit of analyzeAll is done, how many are
	// done of how many, and how many the cache gave
	progress func(done, total, hits int)
	// exportMu serialises the reading of export data; ids maps the
	// packages read to their IDs
	exportMu sync.Mutex
	ids      sync.Map
	// funcs is the outcome of the function settings checked in phase 1
	// (funcs.go)
	funcs funcChecks
	// source: the types of packages not analysed from source are
	// type-checked from their files (Config.SourceTypes); mine are the
	// linted modules, whose type errors are reported
	source bool
	mine   map[string]bool
	// lines are the FileSet's line tables, shared and compact (trim.go)
	lines lineTables
}

// unit is one package of the program.
type unit struct {
	pkg  *packages.Package
	root bool
	grpc bool // the package is grpc or depends on it
	// analysed: the package's results are in (analysed from source or
	// read from the cache): its facts, if any, are in the store
	analysed bool
	// key is the package's cache key (phase 1); nokey: it has none (a
	// file could not be read)
	key   cacheKey
	nokey bool
	// full is the package with its compiled files and export data
	// (exportRun.compiled)
	full *packages.Package
	// types are the package's types from export data, once an
	// importer analysed from source needs them
	typesOnce sync.Once
	types     *types.Package
	typesErr  error
	// funcs are the function settings whose package this is: phase 1
	// checks them with its types (funcs.go)
	funcs []*upstream.FuncSetting
	// why the package is analysed from source in phase 1 (needSource)
	why string
	// broken: with types from source, the package or one it imports is
	// of a linted module and does not type-check (declTypes; set with
	// types); reportOnce reports its errors once
	broken     bool
	reportOnce sync.Once
}

func (r *exportRun) unit(p *packages.Package) *unit {
	u := r.units[p]
	if u == nil {
		u = &unit{pkg: p}
		r.units[p] = u
	}
	return u
}

// needSource reports whether a package must be analysed from source in
// phase 1: it is linted or summarised, a function setting names it
// (funcs.go), or the shared analyzer may find
// something there (Shared.MayAnalyse, on its imports; without it, any
// package may hold facts). Every import is done when it is asked. The
// reason goes to u.why (-debug.stats' profile).
func (r *exportRun) needSource(u *unit) bool {
	u.why = r.whySource(u)
	return u.why != ""
}

// whySource is needSource's reason, or "" when the package need not be
// analysed from source.
func (r *exportRun) whySource(u *unit) string {
	p := u.pkg
	switch {
	case u.root:
		return "linted"
	case p.Module != nil && r.linted[p.Module.Path]:
		return "summarised for the whole-program join"
	case len(u.funcs) > 0:
		return "named by a function setting"
	}
	if !r.facts.used || p.PkgPath == "unsafe" || len(p.GoFiles) == 0 {
		return ""
	}
	if r.shared == nil {
		return "may hold facts"
	}
	var imports []upstream.Import
	for _, imp := range p.Imports {
		i := upstream.Import{Path: imp.PkgPath, GRPC: r.units[imp].grpc}
		if iu := r.units[imp]; iu != nil && iu.analysed {
			i.Summarised = r.facts.hasPackageFact(imp.ID, reflect.TypeFor[*wholeprog.PkgFact]())
		}
		imports = append(imports, i)
	}
	return r.shared.WhyAnalyse(imports)
}

// analyzeAll goes over units in dependency order, each once all its
// imports are done, at most GOMAXPROCS at a time: it gives each its key
// and, for those that need it, reads their results from the cache or
// analyses them from source. phase is 1, or 2 for the packages the join
// analyses again (their phase-1 keys are known).
func (r *exportRun) analyzeAll(units []*unit, analyzers []*analysis.Analyzer, phase int, need func(*unit) bool) {
	done := make(map[*unit]chan struct{}, len(units))
	for _, u := range units {
		done[u] = make(chan struct{})
	}
	waits := r.waits(units, done)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	gate := newSourceGate(runtime.GOMAXPROCS(0))
	// Near the run's soft memory limit (-memlimit, GOMEMLIMIT), packages
	// are analysed one at a time: what is live is mostly the packages
	// being analysed, and the collector alone cannot go below it.
	limit := debug.SetMemoryLimit(-1)
	var one sync.Mutex
	var wg sync.WaitGroup
	var progressMu sync.Mutex // the counts reach progress in order
	finished, hits0 := 0, r.stats.hitCount()
	for _, u := range units {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(done[u])
			defer func() {
				if r.progress != nil {
					progressMu.Lock()
					finished++
					r.progress(finished, len(units), r.stats.hitCount()-hits0)
					progressMu.Unlock()
				}
			}()
			for _, w := range waits[u] {
				<-done[w]
			}
			if r.funcs.failed.Load() {
				return // a function setting does not resolve: the run fails
			}
			src := need(u)
			sem <- struct{}{}
			defer func() { <-sem }()
			if r.ctx != nil && r.ctx.Err() != nil {
				return // cancelled: Run returns the context's error
			}
			if src && limit < math.MaxInt64 && liveHeap() > limit/2 {
				one.Lock()
				defer one.Unlock()
				r.mu.Lock()
				r.res.OneAtATime++
				r.mu.Unlock()
			}
			var key cacheKey
			if phase == 1 {
				imports := make(map[string]cacheKey, len(u.pkg.Imports))
				for path, imp := range u.pkg.Imports {
					imports[path] = r.units[imp].key
					u.nokey = u.nokey || r.units[imp].nokey // what it depends on is unknown
				}
				var err error
				role := fmt.Sprintf("source=%v root=%v linted=%v", src, u.root, u.pkg.Module != nil && r.linted[u.pkg.Module.Path])
				if u.key, err = r.cache.key(u.pkg, role, imports); err != nil {
					u.nokey = true // a file that cannot be read: the parser says so
				}
				key = u.key
			} else {
				key = r.cache.again(u.key, r.joinSum)
			}
			if !src {
				return
			}
			start := time.Now()
			hit := false
			defer func() { r.took(u, time.Since(start), hit) }()
			u.analysed = true
			if !u.nokey {
				if e := r.cache.get(key); e != nil && r.apply(u, e, phase, false) == nil {
					r.stats.add(true)
					hit = true
					return
				}
			}
			r.stats.add(false)
			r.gc.analysing()
			e := func() *exportEntry {
				size := sourceSize(u.pkg.GoFiles)
				gate.enter(size)
				defer gate.leave(size)
				return r.analyze(u, analyzers, phase)
			}()
			if e == nil {
				r.failed(u) // the load error says why
				return
			}
			if err := r.apply(u, e, phase, true); err != nil {
				r.analysisError(fmt.Sprintf("%s: %v", u.pkg.ID, err))
				r.failed(u)
				return
			}
			if !u.nokey && !e.failed {
				r.cache.put(key, e)
			}
		}()
	}
	wg.Wait()
}

// waits returns, for each unit, the units of the list (those done has a
// channel for) it must wait for: those it imports, directly or through
// packages not in the list. Phase 1 lists every package, so these are its
// direct imports; phase 2 lists only the packages the join analyses
// again, and one may import another through a package that is not
// analysed again, whose facts it must not read before they are written.
func (r *exportRun) waits(units []*unit, done map[*unit]chan struct{}) map[*unit][]*unit {
	out := make(map[*unit][]*unit, len(units))
	for _, u := range units {
		seen := make(map[*packages.Package]bool)
		var visit func(p *packages.Package)
		visit = func(p *packages.Package) {
			for _, imp := range p.Imports {
				if seen[imp] {
					continue
				}
				seen[imp] = true
				if w := r.units[imp]; w != nil && done[w] != nil {
					out[u] = append(out[u], w) // it waits for its own imports
					continue
				}
				visit(imp)
			}
		}
		visit(u.pkg)
	}
	return out
}

// failed marks a linted package that could not be analysed.
func (r *exportRun) failed(u *unit) {
	if !u.root {
		return
	}
	r.mu.Lock()
	root := r.res.Roots[u.pkg.ID]
	root.Failed = true
	r.res.Roots[u.pkg.ID] = root
	r.mu.Unlock()
}

// took adds to a package's analysis time: a linted package's for -v,
// every package's analysed from source for -debug.stats' profile.
func (r *exportRun) took(u *unit, d time.Duration, fromCache bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if u.root {
		r.res.Timings[u.pkg.ID] += d
	}
	if !fromCache {
		c := r.res.Sources[u.pkg.ID]
		c.Time += d
		c.Why = u.why
		r.res.Sources[u.pkg.ID] = c
	}
}

// apply takes a package's results, from the cache or just computed
// (fresh: its facts are in the store already): its facts go to the
// store, its summary to the join, its diagnostics to the report. A
// damaged entry is an error (the package is analysed again).
func (r *exportRun) apply(u *unit, e *exportEntry, phase int, fresh bool) error {
	// The summary stays encoded until the join (resolveProgram), and
	// compressed: decoded, the summaries of every package take memory for
	// the whole of phase 1 (on seaweedfs 57 MB; as JSON 43 MB, compressed
	// 4 MB).
	var sum []byte
	if phase == 1 && len(e.Summary) > 0 {
		if !json.Valid(e.Summary) {
			return errors.New("the package's summary is not valid JSON")
		}
		sum = compress(e.Summary)
	}
	if !fresh {
		// decoded when an importer analysed from source asks for one
		// (a run that reads every package from the cache asks for none)
		r.facts.pend(u.pkg.ID, e.Facts)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if sum != nil {
		r.summaries[u] = sum
	}
	if u.root {
		r.trees[u.pkg.ID] = e.Tree
	}
	return nil
}

// analyze parses and type-checks one package against its imports'
// export data and runs the analyzers on it: all of them on a linted
// package, those with facts (and what they require) on the others. It
// returns the package's results, or nil when it could not be analysed.
func (r *exportRun) analyze(u *unit, roots []*analysis.Analyzer, phase int) *exportEntry {
	if len(u.pkg.Errors) > 0 {
		return nil // the load error says why
	}
	// funcs checks the function settings whose package u is, with its
	// types or why there are none (funcs.go)
	funcs := func(pkg *types.Package, why error) bool {
		return phase != 1 || r.checkUnitFuncs(u, pkg, why)
	}
	if err := r.compiled(); err != nil {
		r.loadError(err.Error())
		funcs(nil, err)
		return nil
	}
	p := u.full
	if p == nil {
		msg := fmt.Sprintf("%s: not in the graph of go list -export", u.pkg.ID)
		r.loadError(msg)
		funcs(nil, errors.New(msg))
		return nil
	}
	if len(p.Errors) > 0 || r.brokenDeps[p.ID] {
		msg := "a package it imports does not compile"
		if len(p.Errors) > 0 {
			msg = p.Errors[0].Msg
		}
		funcs(nil, errors.New(msg))
		return nil // the load error says why
	}
	files, err := r.parse(p)
	if err != nil {
		if r.source && r.own(p) {
			r.reportBroken(u, []error{err})
		} else {
			r.loadError(fmt.Sprintf("%s: %v", p.ID, err))
		}
		funcs(nil, err)
		return nil
	}
	pkg, info, typeErrs := r.check(u, files)
	if r.source && r.importsBroken(p) {
		// the errors are that package's, which says so (declTypes)
		funcs(nil, errors.New("a package it imports does not compile"))
		return nil
	}
	var typeErr error
	if len(typeErrs) > 0 {
		typeErr = typeErrs[0]
	}
	if !funcs(pkg, typeErr) {
		return nil
	}
	if len(typeErrs) > 0 {
		switch {
		case r.source && r.own(p):
			r.reportBroken(u, typeErrs)
		case u.root:
			for _, e := range typeErrs {
				r.loadError(e.Error())
			}
		}
		return nil
	}
	analyzers := roots
	if !u.root {
		analyzers = factAnalyzers(roots)
	}
	var mod *analysis.Module
	if p.Module != nil {
		mod = &analysis.Module{Path: p.Module.Path, Version: p.Module.Version, GoVersion: p.Module.GoVersion}
	}
	results := make(map[*analysis.Analyzer]any)
	errs := make(map[*analysis.Analyzer]error)
	var exported []exportedFact
	entry := &exportEntry{}
	var run func(a *analysis.Analyzer)
	run = func(a *analysis.Analyzer) {
		if _, ok := errs[a]; ok {
			return
		}
		errs[a] = nil
		inputs := make(map[*analysis.Analyzer]any)
		for _, req := range a.Requires {
			run(req)
			if errs[req] != nil {
				errs[a] = fmt.Errorf("failed prerequisites: %s", req.Name)
				return
			}
			inputs[req] = results[req]
		}
		var diags []analysis.Diagnostic
		pass := &analysis.Pass{
			Analyzer:     a,
			Fset:         r.fset,
			Files:        files,
			OtherFiles:   p.OtherFiles,
			IgnoredFiles: p.IgnoredFiles,
			Pkg:          pkg,
			TypesInfo:    info,
			TypesSizes:   p.TypesSizes,
			Module:       mod,
			ResultOf:     inputs,
			Report:       func(d analysis.Diagnostic) { diags = append(diags, d) },
			ReadFile:     os.ReadFile,
		}
		r.facts.bind(pass, pkg, p.ID, r.idOf, func(f exportedFact) { exported = append(exported, f) })
		res, err := runPass(a, pass)
		if err == nil && a.ResultType != nil && reflect.TypeOf(res) != a.ResultType {
			err = fmt.Errorf("internal error: %s returned a result of type %v, but declared ResultType %v", a.Name, reflect.TypeOf(res), a.ResultType)
		}
		results[a], errs[a] = res, err
		entry.failed = entry.failed || err != nil
		if !u.root || !slices.Contains(roots, a) {
			return
		}
		var raw []byte
		if err != nil {
			raw, _ = json.Marshal(format.JSONError{Err: err.Error()})
		} else if len(diags) > 0 {
			list := make([]format.JSONDiagnostic, len(diags))
			for i, d := range diags {
				list[i] = r.toJSON(d)
			}
			raw, _ = json.Marshal(list)
		}
		if raw != nil {
			if entry.Tree == nil {
				entry.Tree = make(map[string]json.RawMessage)
			}
			entry.Tree[a.Name] = raw
		}
	}
	for _, a := range analyzers {
		run(a)
	}
	if entry.Facts, err = encodeFacts(exported); err != nil {
		r.analysisError(fmt.Sprintf("%s: %v", p.ID, err))
		return nil
	}
	if r.shared == nil {
		return entry
	}
	if s := r.shared.TakeSummary(pkg); s != nil && phase == 1 {
		if entry.Summary, err = json.Marshal(s); err != nil {
			r.analysisError(fmt.Sprintf("%s: the package's summary: %v", p.ID, err))
			return nil
		}
	}
	return entry
}

// compress returns data compressed with flate at its fastest: a few
// milliseconds per megabyte, a tenth of the size for a summary's JSON.
func compress(data []byte) []byte {
	var buf bytes.Buffer
	w := flateWriters.Get().(*flate.Writer)
	defer flateWriters.Put(w)
	w.Reset(&buf)
	w.Write(data) // a bytes.Buffer does not fail
	w.Close()
	return bytes.Clone(buf.Bytes())
}

// flateWriters are reused: a writer's state is hundreds of KB, which
// made most of compress' cost when a new one was made for each summary
// (0.3 s of a warm run on seaweedfs).
var flateWriters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed) // the level is valid
	return w
}}

// toJSON is the JSON form of a diagnostic, as the report prints it. A
// position in std that comes from export data (a related "implemented
// by" of a std method) names its file as the compiler wrote it,
// $GOROOT/src/…: it is given the real path, as the other runners give it.
func (r *exportRun) toJSON(d analysis.Diagnostic) format.JSONDiagnostic {
	jd := format.DiagnosticJSON(r.fset, d)
	fix := func(posn *string) {
		if rest, ok := strings.CutPrefix(*posn, "$GOROOT/"); ok && r.goroot != "" {
			*posn = filepath.Join(r.goroot, filepath.FromSlash(rest))
		}
	}
	fix(&jd.Posn)
	fix(&jd.End)
	for i := range jd.Related {
		fix(&jd.Related[i].Posn)
		fix(&jd.Related[i].End)
	}
	return jd
}

func (r *exportRun) analysisError(msg string) {
	r.mu.Lock()
	r.res.AnalysisErrors = append(r.res.AnalysisErrors, msg)
	r.mu.Unlock()
}

// runPass runs an analyzer on a pass; a panic fails that analysis (and
// the run, exit 1) with its stack, instead of ending the process with
// every other package's findings.
func runPass(a *analysis.Analyzer, pass *analysis.Pass) (res any, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return a.Run(pass)
}

func (r *exportRun) loadError(msg string) {
	r.mu.Lock()
	r.res.LoadErrors = append(r.res.LoadErrors, msg)
	r.mu.Unlock()
}

// parse parses a package's compiled Go files (cgo's output for a cgo
// package, as go/packages gives them).
func (r *exportRun) parse(p *packages.Package) ([]*ast.File, error) {
	var files []*ast.File
	var errs scanner.ErrorList
	for _, name := range p.CompiledGoFiles {
		f, err := parser.ParseFile(r.fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if f == nil {
			return nil, err
		}
		r.lines.compact(r.fset, f)
		var el scanner.ErrorList
		if errors.As(err, &el) {
			errs = append(errs, el...)
		} else if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	dropConstTables(files)
	return files, nil
}

// check type-checks a package's files against its imports' types (from
// export data).
func (r *exportRun) check(u *unit, files []*ast.File) (*types.Package, *types.Info, []error) {
	p := u.full
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	var errs []error
	pkg, _ := r.typesConfig(p, &errs).Check(p.PkgPath, r.fset, files, info)
	return pkg, info, errs
}

// typesConfig is the type-checker's configuration for a package: its
// imports' types from typesOf, its sizes and Go version; errors are
// appended to errs.
func (r *exportRun) typesConfig(p *packages.Package, errs *[]error) *types.Config {
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := p.Imports[path]
			if imp == nil || r.byID[imp.ID] == nil {
				return nil, fmt.Errorf("can't resolve import %q", path)
			}
			return r.typesOf(r.byID[imp.ID])
		}),
		Sizes: p.TypesSizes,
		Error: func(err error) { *errs = append(*errs, err) },
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	return tc
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// factAnalyzers returns the analyzers a package that is not linted is
// analysed with: those that have facts (what they require runs first).
func factAnalyzers(roots []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	ForEachAnalyzer(roots, func(a *analysis.Analyzer) {
		if len(a.FactTypes) > 0 {
			out = append(out, a)
		}
	})
	return out
}

// resolveProgram is the whole-program join (package analyzer/wholeprog) for
// the runner: the linted packages whose findings the join can change are
// analysed again from source, in dependency order, their findings
// replacing phase 1's. Phase 2's facts are those the packages analysed
// again export; the join gives the others'.
func (r *exportRun) resolveProgram(initial []*packages.Package, analyzers []*analysis.Analyzer) error {
	var summaries []*wholeprog.PackageSummary
	for _, u := range r.order {
		raw := r.summaries[u]
		if raw == nil {
			continue
		}
		s := new(wholeprog.PackageSummary)
		if err := json.NewDecoder(flate.NewReader(bytes.NewReader(raw))).Decode(s); err != nil {
			return fmt.Errorf("%s: the package's summary: %v", u.pkg.ID, err)
		}
		summaries = append(summaries, s)
	}
	clear(r.summaries)
	if len(summaries) == 0 {
		return nil
	}
	var roots []string
	for _, p := range initial {
		if len(p.Errors) == 0 {
			roots = append(roots, p.PkgPath)
		}
	}
	prog := wholeprog.Join(summaries, roots, LintedModules(initial))
	var again []*unit
	for _, u := range r.order {
		if u.root && len(u.pkg.Errors) == 0 && prog.Again(u.pkg.PkgPath) {
			again = append(again, u)
		}
	}
	r.res.Join = JoinStats{Keys: prog.KeyCount(), Resolved: prog.Resolved(), Types: prog.ConvertedTypes(), Again: len(again)}
	if len(again) == 0 {
		return nil
	}
	join, err := prog.Encode()
	if err != nil {
		return err
	}
	r.joinSum = sha256.Sum256(join)
	r.facts = r.newFactStore(true)
	r.shared.SetProgram(prog)
	defer r.shared.SetProgram(nil)
	r.analyzeAll(again, analyzers, 2, func(*unit) bool { return true })
	return nil
}

// factStore holds the facts of a run, keyed as go vet's vetx files key
// them: by package (its ID: a test variant is a package of its own) and
// object path.
type factStore struct {
	used bool // an analyzer has facts: dependencies may need analysing
	// decode turns the facts of a cache entry into facts; failed
	// receives its errors
	decode func([]cachedFact) ([]exportedFact, error)
	failed func(string)
	mu     sync.Mutex
	m      map[factKey]analysis.Fact
	// pending are the facts of packages read from the cache, by
	// package ID, until one is asked for
	pending map[string][]cachedFact
}

type factKey struct {
	pkg  string          // the package's ID
	path objectpath.Path // "" for a package fact
	t    reflect.Type
}

func (r *exportRun) newFactStore(used bool) *factStore {
	return &factStore{
		used:    used,
		decode:  r.cache.decodeFacts,
		failed:  r.analysisError,
		m:       make(map[factKey]analysis.Fact),
		pending: make(map[string][]cachedFact),
	}
}

func (s *factStore) hasPackageFact(id string, t reflect.Type) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.m[factKey{pkg: id, t: t}]; ok {
		return true
	}
	for _, cf := range s.pending[id] {
		if cf.Object == "" && cf.Type == t.String() {
			return true
		}
	}
	return false
}

// pend files the facts of a package read from the cache.
func (s *factStore) pend(id string, facts []cachedFact) {
	if len(facts) == 0 {
		return
	}
	s.mu.Lock()
	s.pending[id] = facts
	s.mu.Unlock()
}

// bind gives a pass the store's fact functions. src is the package being
// analysed, from source, whose ID is id; idOf gives the ID of an
// imported package (its types from export data).
//
// record receives each fact exported, for the cache.
func (s *factStore) bind(pass *analysis.Pass, src *types.Package, id string, idOf func(*types.Package) (string, bool), record func(exportedFact)) {
	var enc objectpath.Encoder
	pkgID := func(p *types.Package) (string, bool) {
		if p == src {
			return id, true
		}
		return idOf(p)
	}
	key := func(obj types.Object, fact analysis.Fact) (factKey, bool) {
		if obj == nil || obj.Pkg() == nil {
			return factKey{}, false
		}
		pid, ok := pkgID(obj.Pkg())
		if !ok {
			return factKey{}, false
		}
		path, err := enc.For(obj)
		if err != nil {
			return factKey{}, false // no path: a local object, which no fact describes
		}
		return factKey{pkg: pid, path: path, t: reflect.TypeOf(fact)}, true
	}
	pass.ImportObjectFact = func(obj types.Object, fact analysis.Fact) bool {
		k, ok := key(obj, fact)
		return ok && s.load(k, fact)
	}
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		if obj.Pkg() != src {
			panic(fmt.Sprintf("%s: fact %T for %s of another package", pass.Analyzer.Name, fact, obj))
		}
		if k, ok := key(obj, fact); ok {
			s.store(k, fact)
			record(exportedFact{path: k.path, fact: fact})
		}
	}
	pass.ImportPackageFact = func(pkg *types.Package, fact analysis.Fact) bool {
		pid, ok := pkgID(pkg)
		return ok && s.load(factKey{pkg: pid, t: reflect.TypeOf(fact)}, fact)
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		s.store(factKey{pkg: id, t: reflect.TypeOf(fact)}, fact)
		record(exportedFact{fact: fact})
	}
	// what no analyzer here asks for: a fact store of the whole
	// program would have to be kept for it
	pass.AllObjectFacts = func() []analysis.ObjectFact { return nil }
	pass.AllPackageFacts = func() []analysis.PackageFact { return nil }
}

func (s *factStore) load(k factKey, fact analysis.Fact) bool {
	s.mu.Lock()
	if list, ok := s.pending[k.pkg]; ok {
		delete(s.pending, k.pkg)
		facts, err := s.decode(list)
		if err != nil {
			s.mu.Unlock()
			s.failed(fmt.Sprintf("%s: the cached facts: %v", k.pkg, err))
			s.mu.Lock()
		}
		for _, f := range facts {
			s.m[factKey{pkg: k.pkg, path: f.path, t: reflect.TypeOf(f.fact)}] = f.fact
		}
	}
	v, ok := s.m[k]
	s.mu.Unlock()
	if ok {
		reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(v).Elem())
	}
	return ok
}

func (s *factStore) store(k factKey, fact analysis.Fact) {
	s.mu.Lock()
	s.m[k] = fact
	s.mu.Unlock()
}

// typesOf returns a package's types, read from its export data once its
// imports' are (as go/packages reads them: the view of the export data
// is the package's dependencies, so that every package of the program is
// one *types.Package, whoever refers to it).
func (r *exportRun) typesOf(u *unit) (*types.Package, error) {
	u.typesOnce.Do(func() {
		if u.pkg.PkgPath == "unsafe" {
			u.types = types.Unsafe
			return
		}
		if err := r.compiled(); err != nil {
			u.typesErr = err
			return
		}
		// the compiled graph: cgo adds imports (runtime/cgo) that the
		// first load does not list
		p := u.full
		if p == nil || p.ExportFile == "" && !r.source {
			u.typesErr = fmt.Errorf("no export data for %q", u.pkg.PkgPath)
			return
		}
		for _, imp := range p.Imports {
			if _, err := r.typesOf(r.byID[imp.ID]); err != nil {
				u.typesErr = err
				return
			}
		}
		if r.source {
			u.types, u.typesErr = r.declTypes(u)
			if u.typesErr == nil {
				r.ids.Store(u.types, p.ID)
			}
			return
		}
		export := p.ExportFile
		view := make(map[string]*types.Package)
		seen := make(map[*packages.Package]bool)
		var visit func(imports map[string]*packages.Package)
		visit = func(imports map[string]*packages.Package) {
			for _, imp := range imports {
				if !seen[imp] {
					seen[imp] = true
					view[imp.PkgPath] = r.byID[imp.ID].types
					visit(imp.Imports)
				}
			}
		}
		visit(p.Imports)
		f, err := os.Open(export)
		if err != nil {
			u.typesErr = err
			return
		}
		defer f.Close()
		rd, err := gcexportdata.NewReader(bufio.NewReader(f))
		if err != nil {
			u.typesErr = fmt.Errorf("reading %s: %v", export, err)
			return
		}
		r.exportMu.Lock() // the packages of the view are shared
		defer r.exportMu.Unlock()
		pkg, err := readExport(rd, r.fset, view, p.PkgPath)
		if err != nil {
			u.typesErr = fmt.Errorf("reading %s: %v", export, err)
			return
		}
		u.types = pkg
		r.ids.Store(pkg, p.ID)
	})
	return u.types, u.typesErr
}

// declTypes type-checks a package's compiled files (cgo's output for a
// cgo package) without function bodies, against its imports' types,
// which typesOf has made: the types of its declarations, what export
// data would give, without compiling it. These types are kept for the
// whole run: what no importer can reach is dropped first (trimDecls),
// and the tables of constants emptied (dropConstTables). Errors in it do
// not stop the run: the types are those go/types makes of what it could
// check, and a package analysed from source is checked in full, with its
// errors reported (analyze).
func (r *exportRun) declTypes(u *unit) (*types.Package, error) {
	p := u.full
	var files []*ast.File
	var errs []error
	for _, name := range p.CompiledGoFiles {
		f, err := parser.ParseFile(r.fset, name, nil, parser.SkipObjectResolution)
		if f == nil {
			return nil, err
		}
		r.lines.compact(r.fset, f)
		if err != nil {
			errs = append(errs, err)
		}
		files = append(files, f)
	}
	trimDecls(files)
	dropConstTables(files)
	tc := r.typesConfig(p, &errs)
	tc.IgnoreFuncBodies = true
	pkg, _ := tc.Check(p.PkgPath, r.fset, files, nil)
	// A package of the linted modules that does not type-check is
	// broken, and so are its importers (their errors would repeat its):
	// its errors are reported once, as go vet reports a package that does
	// not compile. The dependencies' errors are go/types' alone (the
	// compiler builds them: their modules are released), and their types
	// serve as they are.
	for _, imp := range p.Imports {
		if iu := r.byID[imp.ID]; iu != nil && iu.broken {
			u.broken = true
		}
	}
	if len(errs) > 0 && r.own(p) && !u.broken {
		u.broken = true
		r.reportBroken(u, errs)
	}
	return pkg, nil
}

// own reports whether a package is of a linted module (or is linted, in
// GOPATH mode): its type errors are the user's, and reported.
func (r *exportRun) own(p *packages.Package) bool {
	if p.Module == nil {
		return r.byID[p.ID] != nil && r.byID[p.ID].root
	}
	return r.mine[p.Module.Path]
}

// importsBroken reports whether a package imports, directly or not, a
// package of the linted modules that does not type-check (declTypes).
func (r *exportRun) importsBroken(p *packages.Package) bool {
	for _, imp := range p.Imports {
		if iu := r.byID[imp.ID]; iu != nil {
			r.typesOf(iu)
			if iu.broken {
				return true
			}
		}
	}
	return false
}

// reportBroken reports, once, that a package of the linted modules does
// not type-check, as go vet reports one that does not compile: a line
// "# PATH", then its first ten errors, their file names relative to the
// directory of the run (once for a package and its test variant when
// the errors are the same).
func (r *exportRun) reportBroken(u *unit, errs []error) {
	u.reportOnce.Do(func() {
		var b strings.Builder
		b.WriteString("# " + u.pkg.PkgPath)
		n := 0
		for _, err := range errs {
			list := []error{err}
			var el scanner.ErrorList
			if errors.As(err, &el) {
				list = list[:0]
				for _, e := range el {
					list = append(list, e)
				}
			}
			for _, e := range list {
				if n == 10 {
					b.WriteString("\ntoo many errors")
					r.loadErrorOnce(b.String())
					return
				}
				n++
				msg := e.Error()
				if rel, ok := strings.CutPrefix(msg, r.cfg.Dir+string(filepath.Separator)); ok {
					msg = rel
				}
				b.WriteString("\n" + msg)
			}
		}
		r.loadErrorOnce(b.String())
	})
}

// loadErrorOnce is loadError for a message a package and its test variant
// may both give: the same words are reported once.
func (r *exportRun) loadErrorOnce(msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !slices.Contains(r.res.LoadErrors, msg) {
		r.res.LoadErrors = append(r.res.LoadErrors, msg)
	}
}

// compiled loads the packages again, once, with their compiled files
// and export data (go list -export builds what the go build cache
// lacks), and gives each unit its package.
func (r *exportRun) compiled() error {
	r.fullOnce.Do(func() {
		initial, err := packages.Load(r.cfg, r.patterns...)
		if err != nil {
			r.fullErr = err
			return
		}
		errs := LoadErrors(initial)     // and the packages that do not compile
		broken := make(map[string]bool) // p or an import of it does not compile
		r.brokenDeps = make(map[string]bool)
		packages.Visit(initial, nil, func(p *packages.Package) {
			// after p's imports
			for _, imp := range p.Imports {
				if broken[imp.ID] {
					r.brokenDeps[p.ID] = true
				}
			}
			broken[p.ID] = len(p.Errors) > 0 || r.brokenDeps[p.ID]
			u := r.byID[p.ID]
			if u == nil {
				// a package only the compiled files import (cgo's
				// runtime/cgo): types only
				u = &unit{pkg: p}
				r.byID[p.ID] = u
			}
			u.full = p
		})
		r.mu.Lock()
		for _, e := range errs {
			if !slices.Contains(r.res.LoadErrors, e) {
				r.res.LoadErrors = append(r.res.LoadErrors, e)
			}
		}
		r.mu.Unlock()
	})
	return r.fullErr
}

// readExport reads export data; a panic of the reader (export data it
// does not understand) is an error of that package, not of the run.
func readExport(rd io.Reader, fset *token.FileSet, view map[string]*types.Package, path string) (pkg *types.Package, err error) {
	defer func() {
		if r := recover(); r != nil {
			pkg, err = nil, fmt.Errorf("%v", r)
		}
	}()
	return gcexportdata.Read(rd, fset, view, path)
}

// idOf returns the ID of a package read from export data.
func (r *exportRun) idOf(pkg *types.Package) (string, bool) {
	id, ok := r.ids.Load(pkg)
	if !ok {
		return "", false
	}
	return id.(string), true
}
