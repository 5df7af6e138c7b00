package passthrough

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/engine"
	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/report"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
)

// typedResponses reports the typed responses of generated servers
// (engine.TypedResponses) whose status field, which the generated code
// writes as the status (oapi-codegen's …defaultJSONResponse{StatusCode:
// …}), holds an upstream status: where the handler builds the response.
func (c *checker) typedResponses(pass *analysis.Pass, e *engine.Engine, rep *report.Reporter) {
	reported := make(map[token.Pos]bool)
	for _, fn := range e.Funcs {
		for _, tr := range e.TypedResponses(fn) {
			for _, sp := range tr.Sinks {
				// sp.Proxy says that the method writes the status and the
				// body fields of its receiver together, which a generated
				// default response always does; what the handler put in
				// them decides (ForwardedWhole).
				if sp.Role != knowledge.RoleStatus {
					continue
				}
				l, ok := e.SinkLabels(tr, sp).First(knowledge.KindStatus)
				if !ok {
					continue
				}
				if e.ForwardedWhole(tr, l.Origin) {
					continue // the upstream's body goes with it: a proxy
				}
				v := fieldValue(tr.Value, sp.Reads)
				if v == nil {
					// built by calls (NewGetTaskDefault(code).WithPayload(…)):
					// the argument that carries the status
					v = engine.StoredValue(tr.Value, func(x ssa.Value) bool {
						return slices.ContainsFunc(e.Labels(x), func(y labels.Label) bool {
							return y.Kind == knowledge.KindStatus && y.Path == "" && y.Origin == l.Origin
						})
					})
				}
				if v != nil && c.isMapperCall(v) {
					continue
				}
				var expr ast.Expr
				pos := tr.Conv.Pos()
				if v != nil {
					if expr = exprOf(rep, v); expr != nil {
						pos = expr.Pos()
					}
				}
				if !pos.IsValid() || reported[pos] || rep.Skip(fn, pos) {
					continue
				}
				reported[pos] = true
				what := "upstream status"
				if expr != nil {
					what += " " + report.Shorten(types.ExprString(expr))
				}
				d := analysis.Diagnostic{
					Pos:     pos,
					Message: fmt.Sprintf("%s is forwarded to the client by the generated response %s; map it to a status of this service", what, rep.TypeName(tr.Value.Type())),
					Related: rep.Origin(l),
				}
				if expr != nil {
					d.End = expr.End()
				}
				rep.Report(d)
			}
		}
	}
}

// exprOf returns the syntax of a value read from a field or returned by
// a call (resp.StatusCode, resp.StatusCode()), or nil.
func exprOf(rep *report.Reporter, v ssa.Value) ast.Expr {
	pos := v.Pos()
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		pos = u.X.Pos() // a field load: the selector's field
	}
	f := rep.File(pos)
	if !pos.IsValid() || f == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(f, pos, pos)
	for i, n := range path {
		switch x := n.(type) {
		case *ast.Ident:
			if i+1 < len(path) {
				if sel, ok := path[i+1].(*ast.SelectorExpr); ok && sel.Sel == x {
					return sel
				}
			}
		case *ast.SelectorExpr, *ast.CallExpr:
			return x.(ast.Expr)
		}
	}
	return nil
}

// fieldValue returns the value stored at the field path reads (StatusCode,
// Body/Code) of a response built by composite literals, or nil.
func fieldValue(v ssa.Value, reads string) ssa.Value {
	for step := range stepsOf(reads) {
		a := engine.LiteralOf(v)
		if a == nil {
			return nil
		}
		var next ssa.Value
		for _, ref := range *a.Referrers() {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || shapes.FieldName(fa.X.Type(), fa.Field, true) != step {
				continue
			}
			for _, r2 := range *fa.Referrers() {
				if st, ok := r2.(*ssa.Store); ok && st.Addr == fa {
					next = st.Val
				}
			}
		}
		if next == nil {
			return nil
		}
		v = next
	}
	return v
}

// stepsOf yields the field steps of a slash-separated path.
func stepsOf(p string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for p != "" {
			var s string
			if i := indexSlash(p); i >= 0 {
				s, p = p[:i], p[i+1:]
			} else {
				s, p = p, ""
			}
			if !yield(s) {
				return
			}
		}
	}
}

func indexSlash(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '/' {
			return i
		}
	}
	return -1
}
