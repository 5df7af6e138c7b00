// Package hosted gives the per-package hosts, the golangci-lint plugin
// and go vet -vettool, the whole program.
//
// Those hosts hand the analysis one package at a time with its imports'
// facts, so an interface implemented in a package the handler does not
// import, or a func value set in main, is unknown there. A [Host]
// (analyzer.Host) computes, once per module, what the standalone command
// computes — the runner's phase 1, the join and phase 2, through the
// runner and its results cache, so that a run on an unchanged tree is a
// look-up — and gives each package the findings the standalone gives
// it. The checks report them through the package's own pass, at the
// positions of its own files: the host's suppressions, exclusions,
// caches and output formats apply to them as to any finding.
//
// A package is matched to the run's by import path and Go files, so a
// test variant gets its own findings, and a package whose files differ
// (build tags given to the host only, cgo) is analysed on its own as
// before, with its imports' facts.
package hosted

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/analysis"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/driver/runner"
)

// Config is what a Host is made of.
type Config struct {
	// Shared is the host's instance of the shared analysis, and Checks
	// the checks it runs on it: their flags hold the host's settings,
	// which the whole program is computed with.
	Shared *analyzer.Shared
	Checks []*analysis.Analyzer
	// New returns fresh analyzers of every check on a fresh instance of
	// the shared analysis whose analyzer it is given (checks.New): the
	// runner's own.
	New func(shared *analysis.Analyzer) []*analysis.Analyzer
	// Processes: the host analyses each package in a process of its own
	// (go vet). A module's whole program is kept in a file named by the
	// module's fingerprint (share.go): the first process to need it
	// computes it under a file lock and leaves it for the others, and a
	// later run on the same tree reads it. With the results cache off
	// (UPSTREAMLINT_CACHE=off), only the processes of one go vet share
	// it, and a host of one process computes it.
	Processes bool
}

// Host is an analyzer.Host over the runner.
type Host struct {
	cfg Config
	mu  sync.Mutex
	// modules are the whole programs computed or read, by module root
	modules map[string]*module
	// added are the files outside a package that its related
	// information points into, added to the host's file sets
	added map[*token.FileSet]map[string]*token.File
	// quiet: the host does not record its settings (VetBuildID's)
	quiet bool
}

var _ analyzer.Host = (*Host)(nil)

// New returns a Host with the configuration cfg.
func New(cfg Config) *Host {
	return &Host{cfg: cfg, modules: make(map[string]*module), added: make(map[*token.FileSet]map[string]*token.File)}
}

// module is the whole program of one module, computed once.
type module struct {
	once sync.Once
	run  *Run
	err  error
}

// Run is what the runner found in a module: its linted packages and
// what each reported, as the JSON format prints it.
type Run struct {
	Roots map[string]runner.Root                `json:"roots"`
	Trees map[string]map[string]json.RawMessage `json:"trees"`
	// Setting is the function setting that does not resolve in the
	// module's build, when there is one: the whole program then fails
	// with it, in every process that reads the file, without loading
	// the packages again
	Setting *analyzer.SettingError `json:"setting,omitempty"`
}

// Package gives pass's package the whole program's findings, when it is
// a package of a module on disk whose files the run analysed.
func (h *Host) Package(pass *analysis.Pass) (analyzer.HostPackage, error) {
	if pass.Module == nil || pass.Module.Version != "" || len(pass.Files) == 0 {
		return analyzer.HostPackage{}, nil // std, GOPATH, the module cache: dependencies
	}
	files := make(map[string]*token.File, len(pass.Files))
	var names []string
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		if tf == nil {
			return analyzer.HostPackage{}, nil
		}
		files[tf.Name()] = tf
		names = append(names, filepath.Clean(tf.Name()))
	}
	root := moduleRoot(filepath.Dir(names[0]), pass.Module.Path)
	if root == "" {
		return analyzer.HostPackage{}, nil
	}
	run, err := h.program(root)
	var setting *analyzer.SettingError
	if errors.As(err, &setting) {
		return analyzer.HostPackage{}, setting // the setting is to fix, not the join
	}
	if err != nil {
		return analyzer.HostPackage{}, fmt.Errorf("the whole program of module %s: %v (the setting -upstreamfacts.whole=false, whole-program: false in golangci-lint, analyses each package on its own)", pass.Module.Path, err)
	}
	id, ok := run.match(pass.Pkg.Path(), names)
	if !ok || run.Roots[id].Failed {
		return analyzer.HostPackage{}, nil
	}
	out := make(map[string][]analysis.Diagnostic)
	tree := run.Trees[id]
	for _, c := range h.cfg.Checks {
		raw, ok := tree[c.Name]
		if !ok {
			continue
		}
		var failed struct {
			Error string `json:"error"`
		}
		if json.Unmarshal(raw, &failed) == nil && failed.Error != "" {
			return analyzer.HostPackage{}, fmt.Errorf("the whole program: %s: %s", c.Name, failed.Error)
		}
		diags, ok, err := h.replay(pass.Fset, files, raw)
		if err != nil {
			return analyzer.HostPackage{}, fmt.Errorf("the whole program: %s: %v", c.Name, err)
		}
		if !ok {
			return analyzer.HostPackage{}, nil // a position outside its files: analysed on its own
		}
		if len(diags) > 0 {
			out[c.Name] = diags
		}
	}
	return analyzer.HostPackage{Findings: out}, nil
}

// match returns the ID of the run's package with this path and files.
func (r *Run) match(path string, files []string) (string, bool) {
	want := slices.Sorted(slices.Values(files))
	for id, root := range r.Roots {
		if root.Path != path || len(root.GoFiles) != len(want) {
			continue
		}
		got := make([]string, len(root.GoFiles))
		for i, f := range root.GoFiles {
			got[i] = filepath.Clean(f)
		}
		slices.Sort(got)
		if slices.Equal(got, want) {
			return id, true
		}
	}
	return "", false
}

// Prepare computes the whole program of the module that holds dir (the
// host's working directory) now, if there is one, and gives the memory
// the computation used back to the system: a host that has not loaded
// its packages yet (golangci-lint, before it loads them) then never
// holds both at once. It returns the error of a function setting that
// does not resolve (an *analyzer.SettingError), which the host may
// report as an error of its settings at once; any error is also
// reported by the module's first package.
func (h *Host) Prepare(dir string) error {
	root := ModuleDir(dir)
	if root == "" {
		return nil
	}
	_, err := h.program(root)
	debug.FreeOSMemory()
	var setting *analyzer.SettingError
	if errors.As(err, &setting) {
		return setting
	}
	return nil
}

// program returns the whole program of the module at root.
func (h *Host) program(root string) (*Run, error) {
	h.mu.Lock()
	m := h.modules[root]
	if m == nil {
		m = new(module)
		h.modules[root] = m
	}
	h.mu.Unlock()
	m.once.Do(func() {
		defer func() {
			// never take the host down: the package fails with the stack
			if r := recover(); r != nil {
				m.run, m.err = nil, fmt.Errorf("internal error: %v\n%s", r, debug.Stack())
			}
		}()
		shared, checks, settings, err := h.instances()
		if err != nil {
			m.err = err
			return
		}
		in := runnerInput{shared: shared, checks: checks, settings: settings}
		if !h.cfg.Processes && os.Getenv("UPSTREAMLINT_CACHE") == "off" {
			m.run, m.err = compute(root, in) // nothing kept for a later run
		} else {
			m.run, m.err = h.shared(root, in)
		}
		if m.err == nil && m.run.Setting != nil {
			m.run, m.err = nil, m.run.Setting
		}
	})
	return m.run, m.err
}

// hostedGCPercent is the runner's GOGC in a host, which holds memory of
// its own beside it (golangci-lint's binary and packages, go vet's other
// processes): collecting at 25 % growth instead of the runner's 50 %
// keeps the peak nearer what is live. golangci-lint, cold, on
// AleksK1NG/Go-Clean-Architecture-REST-API (CPU s, peak RSS MiB): 50 %
// 9.4, 243; 25 % 11.7, 213 (staticcheck: 38.5, 263).
const hostedGCPercent = 25

// runnerInput is what the runner computes a module's whole program
// with (Host.instances).
type runnerInput struct {
	shared   *analyzer.Shared
	checks   []*analysis.Analyzer
	settings []string
}

// compute runs the runner on the module at root: every package of the
// module linted, test files included (as the hosts' defaults have it).
func compute(root string, in runnerInput) (*Run, error) {
	res, err := runner.Run(runner.Config{
		Dir:       root,
		Patterns:  []string{"./..."},
		Analyzers: in.checks,
		Shared:    in.shared,
		Settings:  in.settings,
		Tests:     true,
		GCPercent: hostedGCPercent,
		// as the standalone command by default: nothing compiled, and
		// the same cache entries as its runs
		SourceTypes: true,
	})
	var setting *analyzer.SettingError
	if errors.As(err, &setting) {
		return &Run{Setting: setting}, nil // kept as any outcome (share.go)
	}
	if err != nil {
		return nil, err
	}
	return &Run{Roots: res.Roots, Trees: res.Trees}, nil
}

// instances returns fresh instances of the shared analysis and of the
// host's checks, with the host's settings, and those settings as the
// runner's cache keys take them (-NAME.FLAG=VALUE, those changed).
func (h *Host) instances() (*analyzer.Shared, []*analysis.Analyzer, []string, error) {
	shared := analyzer.New(analyzer.DefaultConfig())
	var settings []string
	copyFlags := func(from, to *analysis.Analyzer) error {
		var err error
		from.Flags.VisitAll(func(f *flag.Flag) {
			v := f.Value.String()
			if err != nil || v == f.DefValue {
				return
			}
			if e := to.Flags.Set(f.Name, v); e != nil {
				err = fmt.Errorf("-%s.%s: %v", to.Name, f.Name, e)
				return
			}
			settings = append(settings, "-"+to.Name+"."+f.Name+"="+v)
		})
		return err
	}
	if err := copyFlags(h.cfg.Shared.Analyzer, shared.Analyzer); err != nil {
		return nil, nil, nil, err
	}
	byName := make(map[string]*analysis.Analyzer)
	for _, a := range h.cfg.New(shared.Analyzer) {
		byName[a.Name] = a
	}
	var checks []*analysis.Analyzer
	for _, c := range h.cfg.Checks {
		a := byName[c.Name]
		if a == nil {
			return nil, nil, nil, fmt.Errorf("internal error: no check %s to compute the whole program with", c.Name)
		}
		if err := copyFlags(c, a); err != nil {
			return nil, nil, nil, err
		}
		checks = append(checks, a)
	}
	slices.Sort(settings)
	return shared, checks, settings, nil
}

// ModuleDir returns the directory at or above dir that holds a go.mod,
// or "".
func ModuleDir(dir string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// moduleRoot returns the directory at or above dir whose go.mod
// declares the module path, or "".
func moduleRoot(dir, path string) string {
	// a package is in the module of the nearest go.mod
	root := ModuleDir(dir)
	if root == "" {
		return ""
	}
	if data, err := os.ReadFile(filepath.Join(root, "go.mod")); err != nil || modfile.ModulePath(data) != path {
		return ""
	}
	return root
}

// lineCol splits a position as token.Position prints it,
// "file:line:col" (or "file:line"), into its parts; col is 0 when
// absent.
func lineCol(posn string) (file string, line, col int, ok bool) {
	num := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil && n > 0
	}
	i := strings.LastIndexByte(posn, ':')
	if i < 0 {
		return "", 0, 0, false
	}
	last, ok := num(posn[i+1:])
	if !ok {
		return "", 0, 0, false
	}
	rest := posn[:i]
	if j := strings.LastIndexByte(rest, ':'); j >= 0 {
		if l, ok := num(rest[j+1:]); ok {
			return rest[:j], l, last, true
		}
	}
	return rest, last, 0, true
}
