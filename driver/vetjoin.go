package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	upstream "github.com/upstreamlint/upstreamlint/analyzer"
)

// The whole-program join under the vet runner.
//
// The default runner joins the packages' summaries in memory
// (whole.go). The vet runner does the same over processes, in two go vet
// runs whose results the build cache keeps:
//
//  1. The linted packages are vetted with the packages of their modules
//     they depend on, with -upstreamfacts.collect=<modules>: each child
//     prints its package's summary (upstream.PackageSummary) as the one
//     diagnostic of the summary analyzer, which this runner reads and
//     drops, with the findings of the packages it does not lint.
//  2. The runner joins the summaries (upstream.Join) and writes the join
//     to a file named by its content's hash, given to the children in
//     upstream.JoinEnv. The packages whose findings the join can change
//     are vetted again with the same settings, so that every other
//     package (their dependencies) finds its phase-1 result, types and
//     facts, in the cache; a compiler setting naming the hash, for those
//     packages only, gives them vet cache keys of their own. An
//     unchanged program reads phase 2 from the cache too; a changed one
//     analyses those packages again. They take their imports' facts
//     from the join, or, for an import analysed again too, from its
//     phase-2 vetx.
//
// Their findings replace phase 1's.

// summaryName is the analyzer whose diagnostic carries a package's
// summary, and summaryPrefix starts its message.
const (
	summaryName   = "upstreamsummary"
	summaryPrefix = "upstreamlint summary: "
)

// summaryAnalyzer reports, in phase 1, the package's summary for the
// join. It requires every check: the engines fill the summary as the
// checks ask.
func summaryAnalyzer(checks []*analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     summaryName,
		Doc:      "internal, for upstreamlint -runner=vet: prints each package's whole-program summary",
		Requires: slices.Clone(checks),
		Run: func(pass *analysis.Pass) (any, error) {
			s := upstream.SummaryOf(pass.Pkg)
			if s == nil || len(pass.Files) == 0 {
				return nil, nil
			}
			data, err := json.Marshal(s)
			if err != nil {
				return nil, err
			}
			pass.Report(analysis.Diagnostic{Pos: pass.Files[0].Package, Message: summaryPrefix + string(data)})
			return nil, nil
		},
	}
}

// vetPlan is what go list says of the packages to lint: their import
// paths, their modules, and the packages of those modules they depend
// on, which phase 1 names too (their summaries are the join's input).
type vetPlan struct {
	roots   []string
	modules []string
	named   []string
	// broken are the errors of the packages left out: go vet stops at
	// the first package it cannot load, so those that do not load (or
	// whose dependencies do not) are not named; the default runner
	// analyses the others too.
	broken []string
	// testFiles are the test files of each linted package, which go vet
	// analyses with it (as "p [p.test]" and "p_test [p.test]"), never
	// without: when they do not type-check, the package is analysed
	// again without them (withoutTests).
	testFiles map[string][]string
}

// withoutTests writes a go command overlay that deletes the test files
// of the packages given, so that go vet analyses them as the default
// runner analyses their non-test variant, and returns its file (to be
// removed by the caller) and the packages it leaves tests out of.
func (plan *vetPlan) withoutTests(pkgs []string) (string, []string, error) {
	replace := make(map[string]string)
	var left []string
	for _, p := range pkgs {
		if files := plan.testFiles[p]; len(files) > 0 {
			left = append(left, p)
			for _, f := range files {
				replace[f] = "" // an empty replacement deletes the file
			}
		}
	}
	if len(left) == 0 {
		return "", nil, nil
	}
	data, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		return "", nil, err
	}
	f, err := os.CreateTemp("", "upstreamlint-overlay-*.json")
	if err != nil {
		return "", nil, err
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr != nil || cerr != nil {
		os.Remove(f.Name())
		return "", nil, fmt.Errorf("-runner=vet: writing an overlay: %v", errors.Join(werr, cerr))
	}
	return f.Name(), left, nil
}

// planVet lists the packages; nil when none belongs to a module (std),
// or when go list fails (go vet then says why).
func planVet(dir string, patterns []string) *vetPlan {
	// -test: go vet vets the packages with their tests, and stops at a
	// test that does not load either. EmbedFiles: go list resolves the
	// //go:embed patterns only when asked for them, and go vet stops at
	// a pattern that matches no file.
	args := append([]string{"list", "-e", "-deps", "-test", "-json=ImportPath,Dir,Module,DepOnly,Error,DepsErrors,EmbedFiles,TestGoFiles,XTestGoFiles", "--"}, patterns...)
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	if cmd.Run() != nil {
		return nil
	}
	type listErr struct{ Err string }
	type listed struct {
		ImportPath, Dir           string
		DepOnly                   bool
		Module                    *struct{ Path string }
		Error                     *listErr
		DepsErrors                []*listErr
		TestGoFiles, XTestGoFiles []string
	}
	brokenErr := func(p listed) string {
		if p.Error != nil {
			return p.Error.Err
		}
		for _, e := range p.DepsErrors {
			if e != nil {
				return e.Err
			}
		}
		return ""
	}
	var all []listed
	dec := json.NewDecoder(&stdout)
	for {
		var p listed
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return nil
		}
		all = append(all, p)
	}
	plan := &vetPlan{testFiles: make(map[string][]string)}
	// A package is left out when it, its test variant or its external
	// test ("p [p.test]", "p_test [p.test]") does not load.
	base := func(id string) string {
		path, _, _ := strings.Cut(id, " ")
		return strings.TrimSuffix(strings.TrimSuffix(path, ".test"), "_test")
	}
	broken := make(map[string]bool)
	plain := func(p listed) bool {
		return !strings.Contains(p.ImportPath, " ") && !strings.HasSuffix(p.ImportPath, ".test")
	}
	for _, p := range all {
		if msg := brokenErr(p); msg != "" && (!p.DepOnly || plain(p)) {
			broken[base(p.ImportPath)] = true
			if !p.DepOnly && !slices.Contains(plan.broken, msg) {
				plan.broken = append(plan.broken, msg)
			}
		}
	}
	all = slices.DeleteFunc(all, func(p listed) bool { return !plain(p) })
	for _, p := range all {
		if p.DepOnly || broken[p.ImportPath] {
			continue
		}
		plan.roots = append(plan.roots, p.ImportPath)
		for _, f := range slices.Concat(p.TestGoFiles, p.XTestGoFiles) {
			plan.testFiles[p.ImportPath] = append(plan.testFiles[p.ImportPath], filepath.Join(p.Dir, f))
		}
		if p.Module != nil && p.Module.Path != "" && !slices.Contains(plan.modules, p.Module.Path) {
			plan.modules = append(plan.modules, p.Module.Path)
		}
	}
	if len(plan.modules) == 0 {
		return nil
	}
	for _, p := range all {
		if !broken[p.ImportPath] && (!p.DepOnly || (p.Module != nil && slices.Contains(plan.modules, p.Module.Path))) {
			plan.named = append(plan.named, p.ImportPath)
		}
	}
	return plan
}

// isRoot reports whether a package ID ("p", "p [p.test]", "p_test
// [p.test]") is one of the linted packages or their tests.
func (plan *vetPlan) isRoot(id string) bool {
	path := pkgPathOf(id)
	return slices.Contains(plan.roots, path) || (strings.HasSuffix(path, "_test") && slices.Contains(plan.roots, strings.TrimSuffix(path, "_test")))
}

// phase1Flags returns the settings of phase 1: the analyzers' own, the
// linted modules, and the summary analyzer's enable flag where the
// settings enable some checks only (go vet then runs only those).
func (plan *vetPlan) phase1Flags(flags []string, analyzers []*analysis.Analyzer) []string {
	out := append(slices.Clone(flags), "-upstreamfacts.collect="+strings.Join(plan.modules, ","))
	for _, f := range flags {
		name, val, _ := strings.Cut(strings.TrimLeft(f, "-"), "=")
		if val == "true" && slices.ContainsFunc(analyzers, func(a *analysis.Analyzer) bool { return a.Name == name }) {
			return append(out, "-"+summaryName+"=true")
		}
	}
	return out
}

// summaries decodes the summaries the packages of phase 1 printed.
func summaries(trees map[string]map[string]json.RawMessage) ([]*upstream.PackageSummary, error) {
	var out []*upstream.PackageSummary
	for _, id := range slices.Sorted(maps.Keys(trees)) {
		raw, ok := trees[id][summaryName]
		if !ok {
			continue
		}
		var diags []jsonDiagnostic
		if err := json.Unmarshal(raw, &diags); err != nil {
			var failed jsonError
			if json.Unmarshal(raw, &failed) == nil && failed.Err != "" {
				continue // the package's analysis failed, and says so under its checks
			}
			return nil, &corruptOutput{fmt.Errorf("%s: %s: %v", id, summaryName, err)}
		}
		for _, d := range diags {
			msg, ok := strings.CutPrefix(d.Message, summaryPrefix)
			if !ok {
				continue
			}
			s := new(upstream.PackageSummary)
			if err := json.Unmarshal([]byte(msg), s); err != nil {
				return nil, &corruptOutput{fmt.Errorf("%s: the package's summary: %v", id, err)}
			}
			out = append(out, s)
		}
	}
	return out, nil
}

// writeProgram writes the join where the children of phase 2 read it,
// under a name that is its content's hash: the vet results of phase 2
// are cached under the flag that names it, so the same program finds
// them again. Several runs may write the same file at once: each writes
// a temporary file and renames it.
func writeProgram(p *upstream.Program) (file, hash string, err error) {
	data, err := p.Encode()
	if err != nil {
		return "", "", err
	}
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	dir := filepath.Join(base, "upstreamlint", "join")
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return "", "", fmt.Errorf("-runner=vet: %v", err)
	}
	sum := sha256.Sum256(data)
	hash = hex.EncodeToString(sum[:16])
	file = filepath.Join(dir, hash+".json")
	now := time.Now()
	if old, err := os.ReadFile(file); err == nil && bytes.Equal(old, data) {
		os.Chtimes(file, now, now) // in use: kept by pruneJoins
		return file, hash, nil
	}
	tmp, err := os.CreateTemp(dir, "tmp-*")
	if err != nil {
		return "", "", fmt.Errorf("-runner=vet: %v", err)
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return "", "", fmt.Errorf("-runner=vet: writing the whole-program join: %v", errors.Join(werr, cerr))
	}
	if err := os.Rename(tmp.Name(), file); err != nil {
		os.Remove(tmp.Name())
		return "", "", fmt.Errorf("-runner=vet: %v", err)
	}
	pruneJoins(dir, now)
	return file, hash, nil
}

// pruneJoins removes the joins no run has used for a week.
func pruneJoins(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > 7*24*time.Hour {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
