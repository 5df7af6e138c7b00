package driver

import (
	"cmp"
	"fmt"
	"io"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/upstreamlint/upstreamlint/analyzer/engine"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
	"github.com/upstreamlint/upstreamlint/driver/format"
	"github.com/upstreamlint/upstreamlint/driver/runner"
)

// result is the outcome of one analysis run.
type result struct {
	root           string            // module root: reports give paths relative to it
	roots          []*checker.Action // the root actions whose findings count
	graphs         []*checker.Graph  // the oracle's analyses: the whole program, then its second phase
	join           runner.JoinStats
	findings       []*finding // deduplicated, in report order
	loadErrors     []string
	analysisErrors []string
	warnings       []string        // printed on stderr; the run still succeeds
	files          map[string]bool // the files of the analysed packages -> generated (// Code generated ... DO NOT EDIT.)
	src            *format.Sources
	// load and phases are the wall times of loading and of each
	// analysis phase; packages is the size of the loaded graph.
	load     time.Duration
	phases   []time.Duration
	packages int
	// the runner's packages analysed from source and read from the
	// cache (both phases), and each linted package's time
	sourced, fromCache int
	timings            map[string]time.Duration
	sources            map[string]runner.SourceCost // the runner's packages analysed from source (-debug.stats)
	oneAtATime         int                          // of those, analysed one at a time near the memory limit
	checks             []string                     // the names of the checks run
}

// finding is one diagnostic of a root action, kept once even when the
// file also belongs to the test variant of its package.
type finding struct {
	act   *checker.Action
	index int // in act.Diagnostics: the JSON tree keeps report order
	diag  analysis.Diagnostic
	at    format.Span // diag.Pos..diag.End
}

func (f *finding) check() string { return f.act.Analyzer.Name }

// absDir returns dir (the current directory when empty) as an absolute
// path.
func absDir(dir string) (string, error) {
	if dir == "" {
		return os.Getwd()
	}
	return filepath.Abs(dir)
}

// newResult returns the empty result of running analyzers from dir.
func newResult(dir string, analyzers []*analysis.Analyzer) *result {
	root := moduleRoot(dir)
	res := &result{
		root:  root,
		files: make(map[string]bool),
		src:   format.NewSources(root),
	}
	for _, a := range analyzers {
		res.checks = append(res.checks, a.Name)
	}
	return res
}

// actions returns every action of every phase (with the runner, the
// actions standing for the packages that reported).
func (res *result) actions() iter.Seq[*checker.Action] {
	return func(yield func(*checker.Action) bool) {
		if res.graphs == nil {
			// the runner's roots stand for the packages that
			// reported (collectTrees)
			for _, act := range res.roots {
				if !yield(act) {
					return
				}
			}
			return
		}
		for _, g := range res.graphs {
			for act := range g.All() {
				if !yield(act) {
					return
				}
			}
		}
	}
}

// collect gathers the diagnostics of the root actions, once per analyzer,
// position and message, and a position of one package only: a file of
// package p is analysed again as part of its test variant "p [p.test]",
// which reports the same findings, or, where its test files add
// implementations of an interface (a fake store), the same finding in
// other words; p's own, without the tests, comes first (roots sorted by
// ID) and is kept.
func (res *result) collect() {
	roots := slices.Clone(res.roots)
	slices.SortStableFunc(roots, func(a, b *checker.Action) int {
		return cmp.Or(strings.Compare(a.Package.ID, b.Package.ID), strings.Compare(a.Analyzer.Name, b.Analyzer.Name))
	})
	var kept findingSet
	for _, act := range roots {
		for _, f := range act.Package.Syntax {
			if tf := act.Package.Fset.File(f.FileStart); tf != nil {
				if _, ok := res.files[tf.Name()]; !ok {
					res.files[tf.Name()] = shapes.GeneratedFile(f)
				}
			}
		}
		for i, d := range act.Diagnostics {
			at := res.src.Span(act.Package.Fset, d.Pos, d.End)
			if !kept.keep(act.Analyzer.Name, act.Package.ID, at, d.Message) {
				continue
			}
			res.findings = append(res.findings, &finding{act: act, index: i, diag: d, at: at})
		}
	}
	res.sortFindings()
	errs := make(map[string]bool)
	for act := range res.actions() {
		if act.Err != nil {
			errs[fmt.Sprintf("%s: %v", act, act.Err)] = true
		}
	}
	for e := range errs {
		res.analysisErrors = append(res.analysisErrors, e)
	}
	slices.Sort(res.analysisErrors)
}

// A findingSet keeps one finding per check, position and message, and a
// position of one package only (collect): the first package to report
// there, in the order the findings are offered.
type findingSet struct {
	seen  map[findingKey]bool
	first map[findingKey]string // by position, message "": the package that reported there first
}

type findingKey struct {
	check, file string
	start, end  int
	message     string
}

// keep reports whether the finding of check at with message, reported by
// the package pkg (its ID), is kept, and records it.
func (s *findingSet) keep(check, pkg string, at format.Span, message string) bool {
	if s.seen == nil {
		s.seen = make(map[findingKey]bool)
		s.first = make(map[findingKey]string)
	}
	k := findingKey{check, at.File, at.Start.Offset, at.End.Offset, message}
	place := k
	place.message = ""
	if p, ok := s.first[place]; s.seen[k] || (ok && p != pkg) {
		return false
	}
	s.seen[k] = true
	s.first[place] = pkg
	return true
}

// sortFindings puts the findings in report order: by file, position,
// check and message.
func (res *result) sortFindings() {
	slices.SortStableFunc(res.findings, func(a, b *finding) int {
		return cmp.Or(
			strings.Compare(a.at.Rel, b.at.Rel),
			cmp.Compare(a.at.Start.Offset, b.at.Start.Offset),
			cmp.Compare(a.at.End.Offset, b.at.End.Offset),
			strings.Compare(a.check(), b.check()),
			strings.Compare(a.diag.Message, b.diag.Message))
	})
}

// writeStats prints what the provenance engines did (-debug.stats): a
// total, then each function given up over budget.
func writeStats(w io.Writer, name string, stats []engine.Stats) {
	var pkgs, funcs, work, most int
	var gaveUp []string
	costliest := "none"
	for _, st := range stats {
		pkgs++
		funcs += st.Funcs
		work += st.Work
		gaveUp = append(gaveUp, st.GaveUp...)
		if st.Max > most {
			most, costliest = st.Max, st.MaxFunc
		}
	}
	slices.Sort(gaveUp)
	gaveUp = slices.Compact(gaveUp) // a package and its test variant
	fmt.Fprintf(w, "%s: engine: %d packages, %d functions, %d units of work, %d functions given up over budget; costliest: %s (%d)\n", name, pkgs, funcs, work, len(gaveUp), costliest, most)
	for _, fn := range gaveUp {
		fmt.Fprintf(w, "%s: engine: gave up on %s\n", name, fn)
	}
}

// writeSourceProfile prints, for -debug.stats, what the packages analysed
// from source cost by why they were analysed (linted, summarised for the
// join, or the import that made a dependency worth it, grouped by the
// imported package), then the twenty costliest packages, one per line.
func writeSourceProfile(w io.Writer, name string, sources map[string]runner.SourceCost, oneAtATime int) {
	if len(sources) == 0 {
		return
	}
	if oneAtATime > 0 {
		fmt.Fprintf(w, "%s: from source: %d packages analysed one at a time, the heap past half the memory limit\n", name, oneAtATime)
	}
	type group struct {
		why  string
		n    int
		time time.Duration
	}
	groups := make(map[string]*group)
	var total time.Duration
	for _, c := range sources {
		g := groups[c.Why]
		if g == nil {
			g = &group{why: c.Why}
			groups[c.Why] = g
		}
		g.n++
		g.time += c.Time
		total += c.Time
	}
	byTime := slices.SortedFunc(maps.Values(groups), func(a, b *group) int { return cmp.Or(cmp.Compare(b.time, a.time), strings.Compare(a.why, b.why)) })
	fmt.Fprintf(w, "%s: from source: %d packages, %s of analysis (summed over the workers)\n", name, len(sources), total.Round(time.Millisecond))
	for i, g := range byTime {
		if i == 20 {
			fmt.Fprintf(w, "%s: from source:   ... %d more reasons\n", name, len(byTime)-i)
			break
		}
		fmt.Fprintf(w, "%s: from source: %9s %5d packages  %s\n", name, g.time.Round(time.Millisecond), g.n, g.why)
	}
	ids := slices.SortedFunc(maps.Keys(sources), func(a, b string) int {
		return cmp.Or(cmp.Compare(sources[b].Time, sources[a].Time), strings.Compare(a, b))
	})
	for i, id := range ids {
		if i == 20 {
			break
		}
		fmt.Fprintf(w, "%s: from source: costliest %9s  %s (%s)\n", name, sources[id].Time.Round(time.Millisecond), id, sources[id].Why)
	}
}

// moduleRoot returns the directory of the go.mod governing dir, or dir
// when there is none (GOPATH mode).
func moduleRoot(dir string) string {
	for d := dir; ; {
		if fi, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && !fi.IsDir() {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}
