package passthrough

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/engine"
	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/report"
)

// DefaultCodeMapper is the name of the helper the default gRPC fix adds.
const DefaultCodeMapper = "mapUpstreamCode"

type grpcFinding struct {
	fn      *ssa.Function
	label   labels.Label
	expr    ast.Expr // the code argument (codeArg) or the returned error
	codeArg bool
	file    *ast.File
	via     engine.Via // the generated service method fn answers for, if any
}

// grpcReturns reports gRPC service methods that return an upstream gRPC
// error with its code (unchanged, or wrapped with %w, which grpc-go
// unwraps), or a status built from the upstream's code.
func (c *checker) grpcReturns(pass *analysis.Pass, e *engine.Engine, rep *report.Reporter) {
	var findings []*grpcFinding
	for _, fn := range e.Funcs {
		for _, re := range e.GRPCReturns(fn) {
			l, ok := re.Labels.First(knowledge.KindGRPCError)
			if !ok || c.isMapperCall(re.Value) {
				continue
			}
			ret := rep.ReturnedError(re.Instr)
			if ret == nil {
				continue
			}
			f := &grpcFinding{fn: fn, label: l, expr: ret, via: re.Via}
			if arg := codeArgument(e, re.Value, ret); arg != nil {
				f.expr, f.codeArg = arg, true
			}
			if rep.Skip(fn, f.expr.Pos()) {
				continue
			}
			f.file = rep.File(f.expr.Pos())
			findings = append(findings, f)
		}
	}
	if len(findings) == 0 {
		return
	}
	host := c.codeHelperHost(pass, findings)
	for _, f := range findings {
		what := report.Shorten(types.ExprString(f.expr))
		msg := "upstream gRPC error " + what + " is returned to the client with its code; map the code to a code of this service"
		if f.codeArg {
			msg = "upstream gRPC code " + what + " is returned to the client; map it to a code of this service"
		}
		d := analysis.Diagnostic{Pos: f.expr.Pos(), End: f.expr.End(), Message: msg, Related: append(rep.Origin(f.label), rep.Via(f.via)...)}
		if knowledge.IsConnectHandler(f.fn.Signature) {
			// grpc-go's codes and status do not apply: no fix
		} else if fix, ok := c.grpcFix(pass, rep, f, host); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		rep.Report(d)
	}
}

// codeArgument returns the code argument of status.Error/Errorf(code, …)
// when the returned error is built from an upstream code.
func codeArgument(e *engine.Engine, v ssa.Value, ret ast.Expr) ast.Expr {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X // connect.NewError returns *connect.Error
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return nil
	}
	fn := call.Common().StaticCallee()
	if fn == nil || fn.Pkg == nil {
		return nil
	}
	// status.Error/Errorf(code, …), connect.NewError(code, err)
	if obj, ok := fn.Object().(*types.Func); !ok || knowledge.CodedErrors[knowledge.FullName(obj)] != knowledge.CodedError {
		return nil
	}
	if !e.Labels(call.Common().Args[0]).Has(knowledge.KindGRPCCode) {
		return nil
	}
	ce, ok := ast.Unparen(ret).(*ast.CallExpr)
	if !ok || len(ce.Args) == 0 {
		return nil
	}
	return ce.Args[0]
}

// codeHelperHost picks the file that receives the mapUpstreamCode helper
// (the first non-test file with a finding), or nil when the package
// already has one or a configured mapper is used.
func (c *checker) codeHelperHost(pass *analysis.Pass, findings []*grpcFinding) *ast.File {
	if c.cfg.CodeMapper.IsSet() || pass.Pkg.Scope().Lookup(DefaultCodeMapper) != nil {
		return nil
	}
	var files []*ast.File
	for _, f := range findings {
		files = append(files, f.file)
	}
	return report.HostFile(pass.Fset, files)
}

// grpcFix routes the code through the mapper: the code argument is
// wrapped; a returned error becomes
// status.Error(mapUpstreamCode(status.Code(err)), "upstream request failed").
func (c *checker) grpcFix(pass *analysis.Pass, rep *report.Reporter, f *grpcFinding, host *ast.File) (analysis.SuggestedFix, bool) {
	none := analysis.SuggestedFix{}
	pkg, info := pass.Pkg, pass.TypesInfo
	var ref string
	var edits []analysis.TextEdit
	if m := c.cfg.CodeMapper; m.IsSet() {
		if !rep.FuncOK(c.codeMapper) {
			return none, false
		}
		r, e, ok := report.Qualify(pass, f.file, f.expr.Pos(), m.Path, m.Name)
		if !ok {
			return none, false
		}
		ref, edits = r, e
	} else {
		existing := pkg.Scope().Lookup(DefaultCodeMapper)
		if existing != nil {
			if _, isFn := existing.(*types.Func); !isFn {
				return none, false
			}
		} else if host == nil {
			return none, false
		}
		if !report.NameRefersTo(pkg, f.expr.Pos(), DefaultCodeMapper, existing) {
			return none, false
		}
		ref = DefaultCodeMapper
		if existing == nil {
			codes, importEdits, ok := report.ImportName(info, pkg, host, knowledge.CodeFixPkgs.Codes)
			if !ok {
				return none, false
			}
			edits = append(edits, importEdits...)
			edits = append(edits, analysis.TextEdit{Pos: host.FileEnd, End: host.FileEnd, NewText: []byte(codeHelperText(codes))})
		}
	}
	if f.codeArg {
		return analysis.SuggestedFix{Message: "Route the code through " + ref, TextEdits: append(report.WrapEdits(f.expr, ref), edits...)}, true
	}
	switch ast.Unparen(f.expr).(type) {
	case *ast.Ident, *ast.SelectorExpr:
	default:
		return none, false // rewriting a larger expression is the programmer's call
	}
	statusPkg := knowledge.CodeFixPkgs.Status
	status, importEdits, ok := report.ImportName(info, pkg, f.file, statusPkg)
	if !ok || !report.NameRefersTo(pkg, f.expr.Pos(), status, report.ImportedPkgName(info, f.file, statusPkg)) {
		return none, false
	}
	x := types.ExprString(f.expr)
	text := status + ".Error(" + ref + "(" + status + ".Code(" + x + ")), \"upstream request failed\")"
	edits = append([]analysis.TextEdit{{Pos: f.expr.Pos(), End: f.expr.End(), NewText: []byte(text)}}, append(importEdits, edits...)...)
	return analysis.SuggestedFix{Message: "Return a status with a code of this service", TextEdits: edits}, true
}

// codeHelperText is the default gRPC mapping, following docs/design.md:
// Unavailable and ResourceExhausted → Unavailable, DeadlineExceeded and
// Canceled kept, anything else → Internal.
func codeHelperText(codes string) string {
	return `
// ` + DefaultCodeMapper + ` maps the code of an upstream gRPC error to a code of
// this service (upstreamlint's default policy; adjust it to your API).
func ` + DefaultCodeMapper + `(code ` + codes + `.Code) ` + codes + `.Code {
	switch code {
	case ` + codes + `.Unavailable, ` + codes + `.ResourceExhausted:
		return ` + codes + `.Unavailable // retrying later can help
	case ` + codes + `.DeadlineExceeded, ` + codes + `.Canceled:
		return code // the deadline or cancellation reached us too
	default:
		return ` + codes + `.Internal // our dependency failed, or we called it wrong
	}
}
`
}
