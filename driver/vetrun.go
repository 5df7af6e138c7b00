package driver

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"maps"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	upstream "github.com/upstreamlint/upstreamlint/analyzer"
)

// The vet runner (-runner=vet).
//
// The default runner loads the whole program from source
// (go/analysis/checker), so its memory grows with everything the linted
// packages import. The vet runner has the go command drive the analysis
// instead, as go vet does: `go vet -vettool=<this binary> -json`, which
// type-checks each package alone against its dependencies' export data,
// runs this binary once per package (the vet protocol; Main recognises
// it), passes facts between packages in vetx files, and keeps every
// package's output, facts and fixes in the go build cache. A second run
// on an unchanged tree is then read from the cache, and a change to one
// package analyses it and its importers again. This runner collects the
// JSON the packages print and turns it into findings, so that every
// format, -fix and -diff work as with the default runner.
//
// The whole-program resolution (README, "Whole-program resolution") is
// done over the packages' summaries, in a second go vet run (vetjoin.go):
// the findings are the default runner's.

// analyzeVet runs the analyzers through go vet on patterns from dir.
// flags are the analyzers' command-line settings, passed to every
// package's run.
func analyzeVet(dir string, patterns []string, analyzers []*analysis.Analyzer, flags []string, prog *progress) (*result, error) {
	dir, err := absDir(dir)
	if err != nil {
		return nil, err
	}
	self, err := os.Executable() // go vet runs this binary
	if err != nil {
		return nil, fmt.Errorf("-runner=vet: cannot find this binary for go vet: %v", err)
	}
	graph, err := os.CreateTemp("", "upstreamlint-actions-*.json")
	if err != nil {
		return nil, err
	}
	graph.Close()
	defer os.Remove(graph.Name())

	res := newResult(dir, analyzers)
	start := time.Now()
	plan := planVet(dir, patterns)
	if !needFacts(analyzers) {
		plan = nil
	}
	named, flags1 := patterns, flags
	if plan != nil {
		named, flags1 = plan.named, plan.phase1Flags(flags, analyzers)
		res.loadErrors = append(res.loadErrors, plan.broken...)
	}
	prog.set("go vet: analysing packages", 0)
	// phase 1's run; phase 2 repeats its settings, build flags included
	call := vetCall{dir: dir, self: self, graph: graph.Name(), flags: flags1, patterns: named}
	run1, err := res.vetPhase(call)
	if err != nil {
		return nil, err
	}
	if plan != nil && len(run1.failedTests) > 0 {
		// Test files that do not type-check (a helper behind a build
		// tag) keep go vet from analysing their package at all; the
		// default runner analyses its non-test variant.
		overlay, left, err := plan.withoutTests(run1.failedTests)
		if err != nil {
			return nil, err
		}
		if overlay != "" {
			defer os.Remove(overlay)
			for _, p := range left {
				res.warnings = append(res.warnings, fmt.Sprintf("%s: its test files do not type-check; analysed without them", p))
			}
			first := run1.stats
			call.build = []string{"-overlay=" + overlay}
			if run1, err = res.vetPhase(call); err != nil {
				return nil, err
			}
			run1.stats = first.retried(run1.stats)
		}
	}
	trees := run1.trees
	res.vet = run1.stats
	res.phases = []time.Duration{time.Since(start)}
	if plan != nil {
		start = time.Now()
		again, err := res.vetJoin(plan, trees, call, prog)
		if err != nil {
			return nil, err
		}
		if again {
			res.phases = append(res.phases, time.Since(start))
		}
		notRoot := func(id string) bool { return !plan.isRoot(id) }
		maps.DeleteFunc(trees, func(id string, _ map[string]json.RawMessage) bool { return notRoot(id) })
		if res.vet != nil {
			res.vet.named = slices.DeleteFunc(res.vet.named, notRoot)
			maps.DeleteFunc(res.vet.timings, func(id string, _ time.Duration) bool { return notRoot(id) })
		}
	}
	if err := res.collectVet(trees, analyzers); err != nil {
		return nil, err
	}
	return res, nil
}

// vetJoin joins the summaries of phase 1 and vets again the packages
// whose findings the join can change; their reports replace phase 1's
// in trees. It reports whether it ran go vet again.
func (res *result) vetJoin(plan *vetPlan, trees map[string]map[string]json.RawMessage, call vetCall, prog *progress) (bool, error) {
	sums, err := summaries(trees)
	if err != nil {
		return false, err
	}
	if len(sums) == 0 {
		return false, nil
	}
	p := upstream.Join(sums, plan.roots, plan.modules)
	// The packages to analyse again, with their external tests: go vet
	// names them by the package they test.
	var again, named []string
	for _, r := range plan.roots {
		for _, path := range []string{r, r + "_test"} {
			if p.Again(path) {
				again = append(again, path)
				if !slices.Contains(named, r) {
					named = append(named, r)
				}
			}
		}
	}
	res.join = joinStats{keys: p.KeyCount(), resolved: p.Resolved(), types: p.ConvertedTypes(), again: len(again)}
	if len(again) == 0 {
		return false, nil
	}
	p.Named = again
	file, hash, err := writeProgram(p)
	if err != nil {
		return false, err
	}
	// The same settings as phase 1, so that every other package finds
	// its phase-1 result (types and facts) in the cache; for the
	// packages named, a compiler setting that changes nothing in the
	// export data (-D only concerns GOPATH's local imports) puts the
	// join's hash in their vet cache key. The go command compiles those
	// packages again for it (once per join); their importers' compile
	// results stay cached, the export data being the same.
	for _, path := range again {
		call.build = append(call.build, "-gcflags="+path+"=-D=upstreamlint.join."+hash)
	}
	call.patterns = named
	call.env = []string{upstream.JoinEnv + "=" + file}
	prog.set("go vet: whole program: analysing packages again", 0)
	run2, err := res.vetPhase(call)
	if err != nil {
		return false, err
	}
	isAgain := func(id string) bool { return slices.Contains(again, pkgPathOf(id)) }
	// A package with nothing to report prints an empty tree, which
	// names no package: phase 1's report of each is dropped first.
	for id := range trees {
		if isAgain(id) {
			delete(trees, id)
		}
	}
	for id, t := range run2.trees {
		if isAgain(id) {
			trees[id] = t
		}
	}
	if res.vet != nil && run2.stats != nil {
		res.vet.actions += run2.stats.actions
		res.vet.cached += run2.stats.cached
		for p, d := range run2.stats.timings {
			res.vet.timings[p] += d
		}
	}
	return true, nil
}

// vetRun is what one go vet run printed: each package's JSON tree (by
// package ID), and what its action graph says.
type vetRun struct {
	trees map[string]map[string]json.RawMessage
	stats *vetStats
	// failedTests are the linted packages whose test variant reported
	// nothing after go vet printed its errors: its test files do not
	// type-check.
	failedTests []string
}

// vetCall is one go vet run: from dir, this binary as the tool, the
// action graph written to graph, build flags, the analyzers' flags, the
// packages, and the children's extra environment.
type vetCall struct {
	dir, self, graph string
	build, flags     []string
	patterns         []string
	env              []string
}

// vetPhase runs go vet, and again past the cached vet results when the
// output shows a damaged cache entry.
func (res *result) vetPhase(call vetCall) (*vetRun, error) {
	run, err := res.runVet(call, false)
	var corrupt *corruptOutput
	if errors.As(err, &corrupt) {
		// A cached result the go command could not tell was damaged (its
		// size is right), or one it kept from a run as a dependency:
		// analyse everything again, past the cached vet results.
		run, err = res.runVet(call, true)
		if err == nil {
			res.warnings = append(res.warnings, fmt.Sprintf("the build cache held a damaged result (%v); every package was analysed again", corrupt.err))
		}
	}
	return run, err
}

// corruptOutput is go vet output that is not the JSON the packages print.
type corruptOutput struct{ err error }

func (c *corruptOutput) Error() string {
	return "-runner=vet: reading go vet's JSON output: " + c.err.Error()
}

// runVet runs go vet once; all analyses every package again, past the
// vet results of the build cache.
func (res *result) runVet(call vetCall, all bool) (*vetRun, error) {
	args := []string{"vet", "-vettool=" + call.self, "-debug-actiongraph=" + call.graph}
	args = append(args, call.build...)
	args = append(args, "-json")
	args = append(args, call.flags...)
	if all {
		// The vet results are cached under the tool's flags: repeating a
		// setting with its own value changes their key, not what the
		// analysis does, and leaves the compiled export data cached.
		if f := upstream.Analyzer.Flags.Lookup("budget"); f != nil {
			args = append(args, "-upstreamfacts.budget="+f.Value.String(), "-upstreamfacts.budget="+f.Value.String())
		}
	}
	args = append(args, "--")
	args = append(args, call.patterns...)
	cmd := exec.Command("go", args...)
	cmd.Dir = call.dir
	if len(call.env) > 0 {
		cmd.Env = append(os.Environ(), call.env...)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	run := &vetRun{stats: readActionGraph(call.graph)}
	loadErrors, typeErrors := vetErrors(stderr.String())
	if runErr != nil && len(loadErrors) == 0 {
		var exit *exec.ExitError
		if !errors.As(runErr, &exit) {
			return nil, fmt.Errorf("-runner=vet: running go vet: %v", runErr)
		}
		loadErrors = append(loadErrors, fmt.Sprintf("go vet failed (%v) without a message", runErr))
	}
	trees, n, err := decodeTrees(stdout.Bytes())
	if err != nil {
		return nil, err
	}
	if run.stats != nil && n < len(run.stats.named) && len(loadErrors) == 0 && !all {
		// The go command keys a package's vet result without saying
		// whether it was vetted as a dependency (facts only, no report)
		// or as a named package: a package vetted as a dependency first
		// gets that empty report back when it is named. A run past the
		// cached results cannot meet that; a report still missing there
		// is a package that prints none (one of std's 525 does).
		return nil, &corruptOutput{fmt.Errorf("%d of %d packages had no report (one kept in the build cache from a run that analysed them as dependencies)", len(run.stats.named)-n, len(run.stats.named))}
	}
	// A test variant failed when go vet printed type errors under its
	// "# p [p.test]" header and the variant has no report.
	for _, id := range typeErrors {
		if _, reported := trees[id]; reported || !strings.Contains(id, " [") {
			continue
		}
		if p := strings.TrimSuffix(pkgPathOf(id), "_test"); !slices.Contains(run.failedTests, p) {
			run.failedTests = append(run.failedTests, p)
		}
	}
	for _, e := range loadErrors {
		if !slices.Contains(res.loadErrors, e) {
			res.loadErrors = append(res.loadErrors, e)
		}
	}
	run.trees = trees
	return run, nil
}

// typeError matches an error go vet prints for a package that does not
// type-check: "file.go:line:col: message".
var typeError = regexp.MustCompile(`\.go:\d+:\d+: `)

// decodeTrees decodes the JSON trees the packages printed (one object
// per package: package ID -> analyzer -> diagnostics, or an error), and
// counts them.
func decodeTrees(out []byte) (map[string]map[string]json.RawMessage, int, error) {
	trees := make(map[string]map[string]json.RawMessage)
	dec := json.NewDecoder(bytes.NewReader(out))
	n := 0
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return nil, n, &corruptOutput{err}
		}
		n++
		for id, t := range tree {
			trees[id] = t
		}
	}
	return trees, n, nil
}

// vetErrors returns the lines of go vet's stderr that say something: the
// "# package" headers the go command prints before a package's messages
// are left out. typeErrors are the package IDs of the headers under
// which it printed type errors.
func vetErrors(s string) (lines, typeErrors []string) {
	var header string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if id, ok := strings.CutPrefix(l, "# "); ok {
			header = id
			continue
		}
		if l == "" {
			continue
		}
		lines = append(lines, l)
		if header != "" && typeError.MatchString(l) && !slices.Contains(typeErrors, header) {
			typeErrors = append(typeErrors, header)
		}
	}
	return lines, typeErrors
}

// collectVet turns the packages' JSON trees into findings, each once (a
// package and its test variant report the same finding), in report
// order.
func (res *result) collectVet(trees map[string]map[string]json.RawMessage, analyzers []*analysis.Analyzer) error {
	byName := make(map[string]*analysis.Analyzer)
	for _, a := range analyzers {
		byName[a.Name] = a
	}
	fset := token.NewFileSet()
	parsed := make(map[string]*ast.File)
	fileOf := func(name string) (*token.File, *ast.File, error) {
		if f, ok := parsed[name]; ok {
			return fset.File(f.FileStart), f, nil
		}
		content, err := res.src.read(name)
		if err != nil {
			return nil, nil, err
		}
		f, err := parser.ParseFile(fset, name, content, parser.ParseComments|parser.SkipObjectResolution)
		if f == nil {
			return nil, nil, err
		}
		parsed[name] = f
		res.files[name] = ast.IsGenerated(f)
		return fset.File(f.FileStart), f, nil
	}
	// position turns "file:line:col" into a position of fset.
	position := func(posn string) (token.Pos, error) {
		name, line, col, ok := upstream.SplitPosn(posn)
		if !ok {
			return token.NoPos, fmt.Errorf("malformed position %q", posn)
		}
		col = max(col, 1) // "file:line": the line's start
		tf, _, err := fileOf(name)
		if err != nil {
			return token.NoPos, err
		}
		if line < 1 || line > tf.LineCount() {
			return token.NoPos, fmt.Errorf("%s: no line %d", name, line)
		}
		off := tf.Offset(tf.LineStart(line)) + col - 1
		if off < 0 || off > tf.Size() {
			return token.NoPos, fmt.Errorf("%s: no column %d on line %d", name, col, line)
		}
		return tf.Pos(off), nil
	}
	offset := func(name string, off int) (token.Pos, error) {
		tf, _, err := fileOf(name)
		if err != nil {
			return token.NoPos, err
		}
		if off < 0 || off > tf.Size() {
			return token.NoPos, fmt.Errorf("%s: no offset %d", name, off)
		}
		return tf.Pos(off), nil
	}

	acts := make(map[[2]string]*checker.Action)
	type key struct {
		check, file string
		start, end  int
		message     string
	}
	seen := make(map[key]bool)
	for _, id := range slices.Sorted(maps.Keys(trees)) {
		for _, name := range slices.Sorted(maps.Keys(trees[id])) {
			raw := trees[id][name]
			a := byName[name]
			if a == nil {
				continue // a requirement run as a root for its flags: it reports nothing
			}
			var failed jsonError
			if json.Unmarshal(raw, &failed) == nil && failed.Err != "" {
				res.analysisErrors = append(res.analysisErrors, fmt.Sprintf("%s@%s: %s", name, id, failed.Err))
				continue
			}
			var diags []jsonDiagnostic
			if err := json.Unmarshal(raw, &diags); err != nil {
				return &corruptOutput{fmt.Errorf("%s: %s: %v", id, name, err)}
			}
			act := acts[[2]string{id, name}]
			if act == nil {
				act = &checker.Action{Analyzer: a, Package: &packages.Package{ID: id, PkgPath: pkgPathOf(id), Fset: fset}}
				acts[[2]string{id, name}] = act
			}
			for _, jd := range diags {
				d, err := vetDiagnostic(jd, position, offset)
				if err != nil {
					res.analysisErrors = append(res.analysisErrors, fmt.Sprintf("%s@%s: %v", name, id, err))
					continue
				}
				_, f, _ := fileOf(fset.File(d.Pos).Name())
				if !slices.Contains(act.Package.Syntax, f) {
					act.Package.Syntax = append(act.Package.Syntax, f)
				}
				at := res.span(fset, d.Pos, d.End)
				k := key{name, at.file, at.start.offset, at.end.offset, d.Message}
				if seen[k] {
					continue
				}
				seen[k] = true
				act.Diagnostics = append(act.Diagnostics, d)
				res.findings = append(res.findings, &finding{act: act, index: len(act.Diagnostics) - 1, diag: d, at: at})
			}
		}
	}
	for _, act := range acts {
		res.roots = append(res.roots, act)
	}
	res.sortFindings()
	slices.Sort(res.analysisErrors)
	return nil
}

// vetDiagnostic converts a diagnostic of the JSON tree back.
func vetDiagnostic(jd jsonDiagnostic, position func(string) (token.Pos, error), offset func(string, int) (token.Pos, error)) (analysis.Diagnostic, error) {
	d := analysis.Diagnostic{Category: jd.Category, Message: jd.Message}
	var err error
	if d.Pos, err = position(jd.Posn); err != nil {
		return d, err
	}
	if jd.End != "" {
		if d.End, err = position(jd.End); err != nil {
			return d, err
		}
	}
	for _, r := range jd.Related {
		var rel analysis.RelatedInformation
		if rel.Pos, err = position(r.Posn); err != nil {
			return d, err
		}
		if r.End != "" {
			if rel.End, err = position(r.End); err != nil {
				return d, err
			}
		}
		rel.Message = r.Message
		d.Related = append(d.Related, rel)
	}
	for _, jf := range jd.SuggestedFixes {
		fix := analysis.SuggestedFix{Message: jf.Message}
		for _, e := range jf.Edits {
			var te analysis.TextEdit
			if te.Pos, err = offset(e.Filename, e.Start); err != nil {
				return d, err
			}
			if te.End, err = offset(e.Filename, e.End); err != nil {
				return d, err
			}
			te.NewText = []byte(e.New)
			fix.TextEdits = append(fix.TextEdits, te)
		}
		d.SuggestedFixes = append(d.SuggestedFixes, fix)
	}
	return d, nil
}

// pkgPathOf returns the import path of a package ID ("p [p.test]" -> p).
func pkgPathOf(id string) string {
	path, _, _ := strings.Cut(id, " ")
	return path
}

// vetStats is what the go command's action graph says of a vet run: the
// vet actions of the linted packages and their dependencies, those read
// from the build cache, and each linted package's vet time.
type vetStats struct {
	actions, cached int                      // every package's, dependencies included
	named           []string                 // the packages of the vet actions of the packages named
	timings         map[string]time.Duration // by linted package, for those that ran
}

// retried returns the statistics of a run made again after s: its
// actions, with what either run analysed.
func (s *vetStats) retried(again *vetStats) *vetStats {
	if s == nil || again == nil {
		return again
	}
	analysed := s.actions - s.cached + again.actions - again.cached
	again.cached = max(0, again.actions-analysed)
	if again.timings == nil {
		again.timings = make(map[string]time.Duration)
	}
	for p, d := range s.timings {
		again.timings[p] += d
	}
	return again
}

// readActionGraph reads go's -debug-actiongraph file: a vet action that
// ran no command was read from the cache.
func readActionGraph(name string) *vetStats {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	var graph []struct {
		Mode      string
		Package   string
		Cmd       []string
		VetxOnly  bool
		TimeStart time.Time
		TimeDone  time.Time
	}
	if err := json.Unmarshal(b, &graph); err != nil {
		return nil
	}
	st := &vetStats{timings: make(map[string]time.Duration)}
	for _, a := range graph {
		if a.Mode != "vet" {
			continue
		}
		st.actions++
		if !a.VetxOnly {
			st.named = append(st.named, a.Package)
		}
		if len(a.Cmd) == 0 {
			st.cached++
			continue
		}
		if !a.VetxOnly && !a.TimeStart.IsZero() && a.TimeDone.After(a.TimeStart) {
			st.timings[a.Package] += a.TimeDone.Sub(a.TimeStart)
		}
	}
	return st
}
