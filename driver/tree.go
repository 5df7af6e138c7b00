package driver

import (
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	upstream "github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
	"github.com/upstreamlint/upstreamlint/driver/format"
	"github.com/upstreamlint/upstreamlint/driver/runner"
)

// analyzeRunner runs the analyzers on patterns from dir with the runner
// and collects what the linted packages reported into findings.
//
// shared is the instance of the shared analysis the analyzers require,
// or nil (Command.Shared). settings are the analyzers' command-line
// settings: the cache keys include them. stats (-debug.stats) leaves the
// cache out: the engine's statistics are those of the packages analysed.
// srcTypes (-types=source): the types of dependencies come from source
// (runner.Config.SourceTypes).
func analyzeRunner(ctx context.Context, dir string, patterns []string, analyzers []*analysis.Analyzer, shared *upstream.Shared, settings []string, tests, stats, srcTypes bool, prog *progress) (*result, error) {
	dir, err := absDir(dir)
	if err != nil {
		return nil, err
	}
	out, err := runner.Run(runner.Config{
		Context:   ctx,
		Dir:       dir,
		Patterns:  patterns,
		Analyzers: analyzers,
		Shared:    shared,
		Settings:  settings,
		Tests:     tests,
		NoCache:   stats,
		Progress:  prog.set,

		SourceTypes: srcTypes,
	})
	if err != nil {
		return nil, err
	}
	res := newResult(dir, analyzers)
	res.loadErrors, res.analysisErrors, res.warnings = out.LoadErrors, out.AnalysisErrors, out.Warnings
	res.join = out.Join
	res.load, res.phases, res.packages = out.Load, out.Phases, out.Packages
	res.sourced, res.fromCache, res.timings, res.sources, res.oneAtATime = out.Sourced, out.FromCache, out.Timings, out.Sources, out.OneAtATime
	if err := res.collectTrees(out.Trees, analyzers); err != nil {
		return nil, err
	}
	return res, nil
}

// collectTrees turns the packages' JSON trees (what each linted package
// reported, as the JSON format prints it: the runner keeps them in its
// cache) into findings, each once (a
// package and its test variant report the same finding), in report
// order.
func (res *result) collectTrees(trees map[string]map[string]json.RawMessage, analyzers []*analysis.Analyzer) error {
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
		content, err := res.src.Read(name)
		if err != nil {
			return nil, nil, err
		}
		f, err := parser.ParseFile(fset, name, content, parser.ParseComments|parser.SkipObjectResolution)
		if f == nil {
			return nil, nil, err
		}
		parsed[name] = f
		res.files[name] = shapes.GeneratedFile(f)
		return fset.File(f.FileStart), f, nil
	}
	// position turns "file:line:col" into a position of fset.
	position := func(posn string) (token.Pos, error) {
		name, line, col, ok := wholeprog.SplitPosn(posn)
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
	var kept findingSet
	for _, id := range slices.Sorted(maps.Keys(trees)) {
		for _, name := range slices.Sorted(maps.Keys(trees[id])) {
			raw := trees[id][name]
			a := byName[name]
			if a == nil {
				continue // not an analyzer of this run
			}
			var failed format.JSONError
			if json.Unmarshal(raw, &failed) == nil && failed.Err != "" {
				res.analysisErrors = append(res.analysisErrors, fmt.Sprintf("%s@%s: %s", name, id, failed.Err))
				continue
			}
			var diags []format.JSONDiagnostic
			if err := json.Unmarshal(raw, &diags); err != nil {
				return fmt.Errorf("%s: %s: %v", id, name, err)
			}
			act := acts[[2]string{id, name}]
			if act == nil {
				act = &checker.Action{Analyzer: a, Package: &packages.Package{ID: id, PkgPath: pkgPathOf(id), Fset: fset}}
				acts[[2]string{id, name}] = act
			}
			for _, jd := range diags {
				d, err := treeDiagnostic(jd, position, offset)
				if err != nil {
					res.analysisErrors = append(res.analysisErrors, fmt.Sprintf("%s@%s: %v", name, id, err))
					continue
				}
				_, f, _ := fileOf(fset.File(d.Pos).Name())
				if !slices.Contains(act.Package.Syntax, f) {
					act.Package.Syntax = append(act.Package.Syntax, f)
				}
				at := res.src.Span(fset, d.Pos, d.End)
				if !kept.keep(name, id, at, d.Message) {
					continue
				}
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

// treeDiagnostic converts a diagnostic of the JSON tree back.
func treeDiagnostic(jd format.JSONDiagnostic, position func(string) (token.Pos, error), offset func(string, int) (token.Pos, error)) (analysis.Diagnostic, error) {
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
