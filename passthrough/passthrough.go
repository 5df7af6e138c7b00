package passthrough

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/analyzer/engine"
	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/report"
)

// Name is the check's name: its flag prefix and directive name.
const Name = "passthrough"

// Config configures the check. Every field has a flag -passthrough.<name>.
type Config struct {
	// Mapper is the function suggested fixes route statuses through
	// ("example.com/svc/httperr.FromUpstream", a func(int) int). Calls
	// to it are trusted as mappings. Empty: a default helper following
	// upstreamlint's policy is added to the package.
	Mapper analyzer.QualifiedFunc
	// CodeMapper is the func(codes.Code) codes.Code gRPC fixes route
	// upstream codes through; calls to it are trusted as mappings.
	// Empty: a default mapUpstreamCode helper is added.
	CodeMapper analyzer.QualifiedFunc
	// Allow lists functions and packages that forward statuses on purpose.
	Allow analyzer.FuncPatterns
}

// DefaultConfig returns the default configuration.
func DefaultConfig() Config { return Config{} }

// Analyzer is the check with its default configuration, bound to its own flags.
var Analyzer = NewAnalyzer(DefaultConfig())

// NewAnalyzer returns a passthrough analyzer bound to a private copy of cfg,
// on the shared analysis with its default settings.
func NewAnalyzer(cfg Config) *analysis.Analyzer { return New(analyzer.Analyzer, cfg) }

// New returns a passthrough analyzer bound to a private copy of cfg, on the
// instance of the shared analysis whose analyzer is shared.
func New(shared *analysis.Analyzer, cfg Config) *analysis.Analyzer {
	c := &checker{cfg: cfg}
	a := report.NewCheck(shared, Name, doc, &c.cfg.Allow, c.run)
	c.mapper = analyzer.FuncVar(a, &c.cfg.Mapper, "mapper", MapperSignature, "mapping function for suggested fixes, as import/path.Func (a "+MapperSignature.String()+"); calls to it count as mappings")
	c.codeMapper = analyzer.FuncVar(a, &c.cfg.CodeMapper, "codemapper", CodeMapperSignature, "mapping function for gRPC fixes, as import/path.Func (a "+CodeMapperSignature.String()+"); calls to it count as mappings")
	a.Flags.Var(&c.cfg.Allow, "allow", "comma-separated functions or packages allowed to forward upstream statuses (example.com/gw/..., example.com/gw.Proxy*)")
	return a
}

type checker struct {
	cfg Config
	// mapper and codeMapper are the settings of cfg.Mapper and
	// cfg.CodeMapper, which the fixes check before they call them
	mapper, codeMapper *analyzer.FuncSetting
}

// MapperSignature is the signature of -passthrough.mapper, and
// CodeMapperSignature that of -passthrough.codemapper: the fixes pass
// the status (the code) and write what the function returns.
var (
	MapperSignature     = analyzer.Signature{Params: []string{"int"}, Results: []string{"int"}}
	CodeMapperSignature = analyzer.Signature{Params: []string{knowledge.CodeFixPkgs.Codes + ".Code"}, Results: []string{knowledge.CodeFixPkgs.Codes + ".Code"}}
)

// DefaultMapper is the name of the helper the default fix adds.
const DefaultMapper = "mapUpstreamStatus"

type finding struct {
	ev    engine.SinkEvent
	fn    *ssa.Function
	label labels.Label
	expr  ast.Expr // the status argument; nil when it has no syntax of its own
	call  *ast.CallExpr
	file  *ast.File
	fixOK bool
}

func (c *checker) run(pass *analysis.Pass, e *engine.Engine, rep *report.Reporter) {

	var findings []*finding
	for _, fn := range e.Funcs {
		for _, ev := range e.Events(fn) {
			if ev.Role != knowledge.RoleStatus || ev.Proxy {
				continue
			}
			l, ok := ev.Labels.First(knowledge.KindStatus)
			if !ok || c.isMapperCall(ev.Value) {
				continue
			}
			if e.ForwardedOnPath(ev, knowledge.RoleBody, l.Origin) {
				continue // a proxy: status and body of the same response, on one path
			}
			call := rep.CallAt(ev.Instr.Pos())
			f := &finding{ev: ev, fn: fn, label: l, call: call, expr: rep.ArgExpr(call, ev.Instr, ev.Arg)}
			pos := ev.Instr.Pos()
			if f.expr != nil {
				pos = f.expr.Pos()
			}
			if rep.Skip(fn, pos) {
				continue
			}
			f.file = rep.File(pos)
			f.fixOK = f.expr != nil && c.fixable(pass, e, f)
			findings = append(findings, f)
		}
	}
	c.grpcReturns(pass, e, rep)
	c.typedResponses(pass, e, rep)
	fixer := c.newFixer(pass, rep, findings)
	for _, f := range findings {
		d := analysis.Diagnostic{
			Pos:     f.ev.Instr.Pos(),
			Message: message(f),
			Related: rep.Origin(f.label),
		}
		if f.expr != nil {
			d.Pos, d.End = f.expr.Pos(), f.expr.End()
		} else if f.call != nil {
			d.Pos, d.End = f.call.Pos(), f.call.End()
		}
		if fix, ok := fixer.fix(f); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		rep.Report(d)
	}
}

func message(f *finding) string {
	what := "upstream status"
	if f.expr != nil {
		what += " " + report.Shorten(types.ExprString(f.expr))
	}
	if f.ev.Via != nil {
		return fmt.Sprintf("%s is forwarded to the client by %s; map it to a status of this service", what, funcName(f.ev.Via))
	}
	return what + " is forwarded to the client; map it to a status of this service"
}

func funcName(fn *types.Func) string {
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Name()
}

// isMapperCall reports whether v is the result of a configured mapper.
func (c *checker) isMapperCall(v ssa.Value) bool {
	if !c.cfg.Mapper.IsSet() && !c.cfg.CodeMapper.IsSet() {
		return false
	}
	for {
		switch x := v.(type) {
		case *ssa.Convert:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.Call:
			fn := x.Common().StaticCallee()
			if fn == nil || fn.Object() == nil || fn.Object().Pkg() == nil {
				return false
			}
			path, name := fn.Object().Pkg().Path(), fn.Object().Name()
			return (c.cfg.Mapper.IsSet() && path == c.cfg.Mapper.Path && name == c.cfg.Mapper.Name) ||
				(c.cfg.CodeMapper.IsSet() && path == c.cfg.CodeMapper.Path && name == c.cfg.CodeMapper.Name)
		}
		return false
	}
}

// fixable reports whether wrapping the argument in a func(int) int is
// unambiguous: it is an int, the sink takes an int, and every value
// that can reach the sink is upstream or a 2xx constant (which the
// default policy maps to itself's class). A status merged with another
// constant is a decision only the programmer can finish.
func (c *checker) fixable(pass *analysis.Pass, e *engine.Engine, f *finding) bool {
	intType := types.Typ[types.Int]
	if !types.Identical(pass.TypesInfo.TypeOf(f.expr), intType) {
		return false
	}
	sig := f.ev.Instr.Common().Signature()
	p := f.ev.Arg
	if sig.Recv() != nil {
		p--
	}
	if p < 0 || p >= sig.Params().Len() || !types.Identical(sig.Params().At(p).Type(), intType) {
		return false
	}
	return onlyUpstream(e, f.ev.Value, make(map[*ssa.Phi]bool))
}

// onlyUpstream reports whether every value that can reach v is an
// upstream status or a 2xx constant. Phis already on the walk (a loop
// carrying the status) add nothing new.
func onlyUpstream(e *engine.Engine, v ssa.Value, seen map[*ssa.Phi]bool) bool {
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value == nil || x.Value.Kind() != constant.Int {
			return false
		}
		n, ok := constant.Int64Val(x.Value)
		return ok && n >= 200 && n < 300
	case *ssa.Phi:
		if seen[x] {
			return true
		}
		seen[x] = true
		for _, edge := range x.Edges {
			if !onlyUpstream(e, edge, seen) {
				return false
			}
		}
		return true
	}
	return e.Labels(v).Has(knowledge.KindStatus)
}

// fixer builds the suggested fixes of a package. With the default
// mapper, every fix of the package adds the same helper, with the same
// text, at the end of the same file: merged, the identical insertions
// coalesce into one helper.
type fixer struct {
	c        *checker
	pass     *analysis.Pass
	rep      *report.Reporter
	helper   string // name of the mapping function to call
	existing types.Object
	host     *ast.File
	hostText string
	ok       bool
}

func (c *checker) newFixer(pass *analysis.Pass, rep *report.Reporter, findings []*finding) *fixer {
	fx := &fixer{c: c, pass: pass, rep: rep}
	if c.cfg.Mapper.IsSet() {
		fx.ok = true
		return fx
	}
	fx.helper = DefaultMapper
	if obj := pass.Pkg.Scope().Lookup(DefaultMapper); obj != nil {
		// Reuse a helper from an earlier fix; refuse a clashing name.
		if fn, isFn := obj.(*types.Func); isFn && isIntToInt(fn) {
			fx.existing, fx.ok = obj, true
		}
		return fx
	}
	var hosts []*ast.File
	for _, f := range findings {
		if f.fixOK && f.file != nil {
			hosts = append(hosts, f.file)
		}
	}
	if fx.host = report.HostFile(pass.Fset, hosts); fx.host == nil {
		return fx
	}
	fx.hostText = helperText(httpName(pass.TypesInfo, fx.host))
	fx.ok = true
	return fx
}

func isIntToInt(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	it := types.Typ[types.Int]
	return sig.Recv() == nil && sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		types.Identical(sig.Params().At(0).Type(), it) && types.Identical(sig.Results().At(0).Type(), it)
}

func (fx *fixer) fix(f *finding) (analysis.SuggestedFix, bool) {
	if !fx.ok || !f.fixOK {
		return analysis.SuggestedFix{}, false
	}
	pkg := fx.pass.Pkg
	var ref string
	var edits []analysis.TextEdit
	if m := fx.c.cfg.Mapper; m.IsSet() {
		if !fx.rep.FuncOK(fx.c.mapper) {
			return analysis.SuggestedFix{}, false
		}
		r, importEdits, ok := report.Qualify(fx.pass, f.file, f.expr.Pos(), m.Path, m.Name)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		ref = r
		edits = append(edits, importEdits...)
	} else {
		if !report.NameRefersTo(pkg, f.expr.Pos(), fx.helper, fx.existing) {
			return analysis.SuggestedFix{}, false
		}
		ref = fx.helper
		if fx.existing == nil {
			edits = append(edits, analysis.TextEdit{Pos: fx.host.FileEnd, End: fx.host.FileEnd, NewText: []byte(fx.hostText)})
		}
	}
	edits = append(report.WrapEdits(f.expr, ref), edits...)
	return analysis.SuggestedFix{Message: "Route the status through " + ref, TextEdits: edits}, true
}

// httpName returns the name under which file imports net/http, or "".
func httpName(info *types.Info, file *ast.File) string {
	for _, imp := range file.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err != nil || p != "net/http" {
			continue
		}
		if obj, ok := report.ImportedPkgName(info, file, "net/http").(*types.PkgName); ok && obj.Name() != "_" && obj.Name() != "." {
			return obj.Name()
		}
	}
	return ""
}

// helperText is the default mapping function, following the policy in
// docs/design.md: 2xx→200, 429/503→503, 504→504, anything else→502.
func helperText(http string) string {
	c := func(name string, code int) string {
		if http == "" {
			return strconv.Itoa(code)
		}
		return http + "." + name
	}
	return `
// ` + DefaultMapper + ` maps the status of an upstream response to a status of
// this service (upstreamlint's default policy; adjust it to your API).
func ` + DefaultMapper + `(code int) int {
	switch {
	case code >= 200 && code < 300:
		return ` + c("StatusOK", 200) + ` // the dependency worked: the answer is ours to pick
	case code == ` + c("StatusTooManyRequests", 429) + ` || code == ` + c("StatusServiceUnavailable", 503) + `:
		return ` + c("StatusServiceUnavailable", 503) + ` // retrying later can help
	case code == ` + c("StatusGatewayTimeout", 504) + `:
		return ` + c("StatusGatewayTimeout", 504) + ` // the dependency did not answer in time
	default:
		return ` + c("StatusBadGateway", 502) + ` // our dependency failed, or we called it wrong
	}
}
`
}
