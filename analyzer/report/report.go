package report

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/analyzer/engine"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
	"github.com/upstreamlint/upstreamlint/internal/suggest"
)

// Reporter turns findings of one check into diagnostics: it maps SSA
// back to syntax, honours suppression directives and the allowlist,
// skips generated files and reports each range once.
type Reporter struct {
	Pass  *analysis.Pass
	Check string
	Allow *analyzer.FuncPatterns
	// Engine is the package's engine: nothing is reported in a
	// function it gave up on. Program is the whole-program join of
	// phase 2, if any: related information names the implementations of
	// the calls it resolved.
	Engine  *engine.Engine
	Program *wholeprog.Program

	calls     map[token.Pos]*ast.CallExpr
	returns   map[token.Pos]*ast.ReturnStmt
	walked    map[*ast.File]bool
	dirs      map[*ast.File][]directive
	generated map[*ast.File]bool
	seen      map[[2]token.Pos]bool

	result *analyzer.Result
	funcs  map[*analyzer.FuncSetting]error // FuncOK's answers
	err    error                           // the first of them that is not nil
}

// NewReporter returns a reporter for check in pass, whose shared
// analysis gave res.
func NewReporter(pass *analysis.Pass, res *analyzer.Result, check string, allow *analyzer.FuncPatterns) *Reporter {
	return &Reporter{
		Pass:      pass,
		Engine:    res.Engine,
		Program:   res.Program,
		Check:     check,
		Allow:     allow,
		calls:     make(map[token.Pos]*ast.CallExpr),
		returns:   make(map[token.Pos]*ast.ReturnStmt),
		walked:    make(map[*ast.File]bool),
		dirs:      make(map[*ast.File][]directive),
		generated: make(map[*ast.File]bool),
		seen:      make(map[[2]token.Pos]bool),
		result:    res,
		funcs:     make(map[*analyzer.FuncSetting]error),
	}
}

// FuncOK reports whether a fix may call the function a setting names
// (-passthrough.mapper): it resolves in the build
// (analyzer.Result.CheckFunc). One that does not fails the check's
// analysis with its error (Err), and no fix calls it.
func (r *Reporter) FuncOK(s *analyzer.FuncSetting) bool {
	err, ok := r.funcs[s]
	if !ok {
		err = r.result.CheckFunc(r.Pass, s)
		r.funcs[s] = err
		if r.err == nil {
			r.err = err
		}
	}
	return err == nil
}

// Err returns the error the check's analysis fails with: that of a
// setting that does not resolve (FuncOK), or nil.
func (r *Reporter) Err() error { return r.err }

// File returns the file of the package that contains pos.
func (r *Reporter) File(pos token.Pos) *ast.File {
	for _, f := range r.Pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// CallAt returns the call expression whose '(' is at pos (the position
// SSA gives a call), or nil.
func (r *Reporter) CallAt(pos token.Pos) *ast.CallExpr {
	f := r.File(pos)
	if f == nil {
		return nil
	}
	if !r.walked[f] {
		r.walked[f] = true
		r.walk(f)
	}
	return r.calls[pos]
}

func (r *Reporter) walk(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			r.calls[x.Lparen] = x
		case *ast.ReturnStmt:
			r.returns[x.Return] = x
		}
		return true
	})
}

// ReturnedError returns the syntax of the last result of a return
// statement, or nil.
func (r *Reporter) ReturnedError(ret *ssa.Return) ast.Expr {
	f := r.File(ret.Pos())
	if f == nil {
		return nil
	}
	if !r.walked[f] {
		r.walked[f] = true
		r.walk(f)
	}
	rs := r.returns[ret.Pos()]
	if rs == nil || len(rs.Results) == 0 {
		return nil
	}
	return rs.Results[len(rs.Results)-1]
}

// ReturnedValue returns the syntax of result i of a return statement, or
// nil (a bare return of named results).
func (r *Reporter) ReturnedValue(ret *ssa.Return, i int) ast.Expr {
	if r.ReturnedError(ret) == nil { // walks the file
		return nil
	}
	rs := r.returns[ret.Pos()]
	if i < 0 || i >= len(rs.Results) {
		return nil
	}
	return rs.Results[i]
}

// ArgExpr returns the syntax of argument i (receiver first, as in
// SinkEvent.Arg) of the call, or nil when it has none (a receiver, an
// implicit variadic slice).
func (r *Reporter) ArgExpr(call *ast.CallExpr, instr ssa.CallInstruction, i int) ast.Expr {
	if call == nil {
		return nil
	}
	sig := instr.Common().Signature()
	param := i // index among the signature's parameters
	if sig.Recv() != nil {
		param--
	}
	if hasImplicitReceiver(r.Pass.TypesInfo, call) {
		i--
	}
	if i < 0 || i >= len(call.Args) || param < 0 {
		return nil
	}
	if sig.Variadic() && !call.Ellipsis.IsValid() && param >= sig.Params().Len()-1 {
		return nil // the implicit slice of variadic arguments
	}
	return call.Args[i]
}

// hasImplicitReceiver reports whether the call is a method call whose
// receiver is not among the syntactic arguments (x.M(a), not T.M(x, a)).
func hasImplicitReceiver(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := info.Selections[sel]
	return ok && s.Kind() == types.MethodVal
}

// Origin describes the upstream call behind a label as related information.
func (r *Reporter) Origin(l labels.Label) []analysis.RelatedInformation {
	if !l.Origin.IsValid() {
		return nil
	}
	if c := r.CallAt(l.Origin); c != nil {
		rel := []analysis.RelatedInformation{{Pos: c.Pos(), End: c.End(), Message: "upstream call " + Shorten(types.ExprString(c.Fun)) + "(…)"}}
		if p := r.Program; p != nil {
			// a call resolved by the whole program: name the implementations
			if key := wholeprog.CallKey(r.Pass.TypesInfo, c); key != "" {
				for _, fn := range p.Implementations(key) {
					pos := p.Pos(r.Pass.Fset, fn.Pos)
					if !pos.IsValid() {
						continue
					}
					rel = append(rel, analysis.RelatedInformation{Pos: pos, End: pos + token.Pos(fn.Len), Message: "implemented by " + fn.Name})
				}
			}
		}
		return rel
	}
	return []analysis.RelatedInformation{{Pos: l.Origin, Message: "upstream call"}}
}

// Via names, for a finding in a function that answers for a generated
// service method (engine.Via), that method.
func (r *Reporter) Via(v engine.Via) []analysis.RelatedInformation {
	if v.Name == "" || !v.Pos.IsValid() {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: v.Pos, Message: "returned to the client by the generated service method " + v.Name}}
}

// Shorten keeps expressions in messages readable.
// TypeName names a type for messages, qualified by its package's name
// unless it is the analysed package's.
func (r *Reporter) TypeName(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p == r.Pass.Pkg {
			return ""
		}
		return p.Name()
	})
}

func Shorten(s string) string {
	const max = 60
	if len(s) > max {
		return s[:max-1] + "…"
	}
	return s
}

// Skip reports whether findings in fn at pos must not be reported:
// generated files, test files, the allowlist, and ignore directives.
func (r *Reporter) Skip(fn *ssa.Function, pos token.Pos) bool {
	f := r.File(pos)
	if f == nil {
		return true
	}
	gen, ok := r.generated[f]
	if !ok {
		gen = shapes.GeneratedFile(f)
		r.generated[f] = gen
	}
	if gen {
		return true
	}
	// Test files answer tests, not clients: fake upstreams and test
	// servers answer like the real third party does, on purpose.
	if strings.HasSuffix(r.Pass.Fset.File(f.Pos()).Name(), "_test.go") {
		return true
	}
	if fn != nil && r.Allow.Match(shapes.ParentRoot(fn)) {
		return true
	}
	// What the engine knows of a function it gave up on is partial.
	if r.Engine != nil && r.Engine.GaveUp(fn) {
		return true
	}
	return r.ignored(f, pos)
}

// Report emits d unless its range was reported already, with the
// insertions each fix makes at one offset joined (MergeInsertions).
func (r *Reporter) Report(d analysis.Diagnostic) {
	key := [2]token.Pos{d.Pos, d.End}
	if r.seen[key] {
		return
	}
	r.seen[key] = true
	for i := range d.SuggestedFixes {
		d.SuggestedFixes[i].TextEdits = MergeInsertions(d.SuggestedFixes[i].TextEdits)
	}
	r.Pass.Report(d)
}

// directive is an //upstreamlint:ignore or //upstreamlint:file-ignore comment.
type directive struct {
	pos      token.Pos
	line     int
	checks   []string
	reason   string
	fileWide bool
	scope    [2]token.Pos // a function the directive documents, if any
}

const (
	IgnorePrefix     = "//upstreamlint:ignore"
	FileIgnorePrefix = "//upstreamlint:file-ignore"
)

func (r *Reporter) directives(f *ast.File) []directive {
	if ds, ok := r.dirs[f]; ok {
		return ds
	}
	var ds []directive
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			d, ok := parseDirective(c.Text)
			if !ok {
				continue
			}
			d.pos = c.Pos()
			d.line = r.Pass.Fset.Position(c.Pos()).Line
			ds = append(ds, d)
		}
	}
	// A directive in a function's doc comment covers the whole function.
	for _, decl := range f.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || fd.Doc == nil {
			continue
		}
		for i := range ds {
			if fd.Doc.Pos() <= ds[i].pos && ds[i].pos < fd.Doc.End() {
				ds[i].scope = [2]token.Pos{fd.Pos(), fd.End()}
			}
		}
	}
	r.dirs[f] = ds
	return ds
}

func parseDirective(text string) (directive, bool) {
	var d directive
	var rest string
	switch {
	case strings.HasPrefix(text, FileIgnorePrefix+" "):
		d.fileWide = true
		rest = text[len(FileIgnorePrefix)+1:]
	case strings.HasPrefix(text, IgnorePrefix+" "):
		rest = text[len(IgnorePrefix)+1:]
	default:
		return d, false
	}
	// The check names are the first field; the reason follows "--".
	_, reason, _ := strings.Cut(rest, "--")
	names, _, _ := strings.Cut(strings.TrimSpace(rest), " ")
	for _, n := range strings.Split(names, ",") {
		if n = strings.TrimSpace(n); n != "" {
			d.checks = append(d.checks, n)
		}
	}
	d.reason = strings.TrimSpace(reason)
	return d, true
}

func (d directive) names(check string) bool {
	for _, c := range d.checks {
		if c == check || c == "all" {
			return true
		}
	}
	return false
}

func (r *Reporter) ignored(f *ast.File, pos token.Pos) bool {
	line := r.Pass.Fset.Position(pos).Line
	for _, d := range r.directives(f) {
		if !d.names(r.Check) || d.reason == "" {
			continue // a directive without a reason suppresses nothing; see ReportDirectives
		}
		switch {
		case d.fileWide:
			return true
		case d.scope[0].IsValid() && d.scope[0] <= pos && pos < d.scope[1]:
			return true
		case d.line == line || d.line == line-1:
			return true
		}
	}
	return false
}

// CheckNames are the names an ignore directive may give: the checks
// (checks.All; a test there keeps the two in step), and "all".
var CheckNames = []string{"passthrough", "leak", "softerror"}

// ReportDirectives reports the ignore directives that suppress nothing
// and should: those naming this check that give no reason, and those
// naming no check at all (a misspelled "leek"), which the check whose
// name is nearest reports, once.
func (r *Reporter) ReportDirectives() {
	for _, f := range r.Pass.Files {
		if !hasDirectiveText(f) {
			continue
		}
		for _, d := range r.directives(f) {
			if d.names(r.Check) && d.reason == "" {
				r.Report(analysis.Diagnostic{
					Pos:     d.pos,
					Message: fmt.Sprintf("upstreamlint directive for %s has no reason; write //upstreamlint:ignore %s -- why", r.Check, r.Check),
				})
			}
			for _, n := range d.checks {
				if n == "all" || slices.Contains(CheckNames, n) {
					continue
				}
				nearest, dist := suggest.Nearest(strings.ToLower(n), CheckNames)
				if nearest != r.Check {
					continue
				}
				hint := ""
				if suggest.Near(nearest, dist) {
					hint = fmt.Sprintf(" (did you mean %s?)", nearest)
				}
				r.Report(analysis.Diagnostic{
					Pos:     d.pos,
					Message: fmt.Sprintf("upstreamlint directive names no check %q%s: it suppresses nothing; the checks are %s, or all", n, hint, strings.Join(CheckNames, ", ")),
				})
			}
		}
	}
}

func hasDirectiveText(f *ast.File) bool {
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if strings.HasPrefix(c.Text, "//upstreamlint:") {
				return true
			}
		}
	}
	return false
}
