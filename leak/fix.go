package leak

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/upstreamlint/upstreamlint/analyzer/engine"
	"github.com/upstreamlint/upstreamlint/analyzer/report"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
)

// fix replaces the leaking text with public text: the configured
// -leak.publicmsg function applied to the error, or http.StatusText of
// the status the same call sends. It offers nothing when the rewrite
// would be ambiguous or would leave a variable or an import unused.
func (c *checker) fix(pass *analysis.Pass, rep *report.Reporter, call *ast.CallExpr, expr ast.Expr, ev engine.SinkEvent, sent ast.Expr) (analysis.SuggestedFix, bool) {
	none := analysis.SuggestedFix{}
	if expr == nil || call == nil {
		return none, false
	}
	info := pass.TypesInfo
	target, errExpr := fixTarget(info, expr)
	if target == nil {
		return none, false
	}
	if t := info.TypeOf(target); t == nil || (!isString(t) && !takesString(info, call, target)) {
		return none, false // the replacement is a string: the argument must accept one
	}
	file := rep.File(target.Pos())
	if file == nil {
		return none, false
	}
	var text, msg string
	var edits []analysis.TextEdit
	if m := c.cfg.PublicMsg; m.IsSet() {
		if errExpr == nil || !sideEffectFree(info, errExpr) || !rep.FuncOK(c.publicMsg) {
			return none, false
		}
		ref, importEdits, ok := report.Qualify(pass, file, target.Pos(), m.Path, m.Name)
		if !ok {
			return none, false
		}
		text = ref + "(" + types.ExprString(errExpr) + ")"
		msg = "Send " + ref + " of the error instead"
		edits = importEdits
	} else {
		var code ast.Expr
		if ev.StatusArg >= 0 {
			code = rep.ArgExpr(call, ev.Instr, ev.StatusArg)
		} else {
			code = chainedStatus(info, call)
		}
		if code == nil {
			code = sent // a constant status written before the body
		}
		if code == nil || !sideEffectFree(info, code) {
			// the status sent is not at hand
			return none, false
		}
		ref, importEdits, ok := report.Qualify(pass, file, target.Pos(), "net/http", "StatusText")
		if !ok {
			return none, false
		}
		text = ref + "(" + types.ExprString(code) + ")"
		msg = "Send " + text + " instead"
		edits = importEdits
	}
	if !namesStayUsed(info, file, target) {
		return none, false
	}
	edits = append([]analysis.TextEdit{{Pos: target.Pos(), End: target.End(), NewText: []byte(text)}}, edits...)
	return analysis.SuggestedFix{Message: msg, TextEdits: edits}, true
}

// statusExpr returns the syntax of a constant status a body is sent
// with, set by another call before it (w.WriteHeader(503)), or nil.
func statusExpr(info *types.Info, rep *report.Reporter, st engine.SentStatus) ast.Expr {
	if st.Instr == nil || st.Arg < 0 || st.Code == 0 {
		return nil
	}
	call := rep.CallAt(st.Instr.Pos())
	if call == nil {
		return nil
	}
	x := rep.ArgExpr(call, st.Instr, st.Arg)
	if x == nil {
		return nil
	}
	if tv, ok := info.Types[x]; !ok || tv.Value == nil {
		return nil // only a constant can be copied to another place
	}
	return x
}

// chainedStatus returns the status of a write chained on a status
// setter, c.Status(code).JSON(…) in fiber, or nil.
func chainedStatus(info *types.Info, call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, ok := typeutil.Callee(info, inner).(*types.Func)
	if !ok {
		return nil
	}
	if i := shapes.StatusSetterArg(fn); i >= 0 && i < len(inner.Args) {
		return inner.Args[i]
	}
	return nil
}

// fixTarget picks the expression that carries the leak, which the fix
// replaces and the message names: a string argument as a whole, or the
// single string field or err.Error() inside a payload (a map or struct
// literal, a []byte conversion). errExpr is the error it shows.
func fixTarget(info *types.Info, expr ast.Expr) (target, errExpr ast.Expr) {
	if t := info.TypeOf(expr); t != nil && isString(t) {
		return expr, uniqueError(info, expr)
	}
	if uniqueError(info, expr) == expr {
		return expr, expr // an error value formatted by the sink (fmt.Fprint(w, err))
	}
	var cands []ast.Expr
	ast.Inspect(expr, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		if _, ok := errorCallReceiver(info, n); ok {
			cands = append(cands, e)
			return false
		}
		if kv, ok := n.(*ast.KeyValueExpr); ok {
			if t := info.TypeOf(kv.Value); t != nil && isString(t) && uniqueError(info, kv.Value) != nil {
				cands = append(cands, kv.Value)
				return false
			}
		}
		return true
	})
	if len(cands) != 1 {
		return nil, nil
	}
	if x, ok := errorCallReceiver(info, cands[0]); ok {
		return cands[0], x
	}
	return cands[0], uniqueError(info, cands[0])
}

// takesString reports whether target is an argument of call whose
// parameter accepts a string (an interface such as the ...any of fmt.Fprint).
func takesString(info *types.Info, call *ast.CallExpr, target ast.Expr) bool {
	ft := info.TypeOf(call.Fun)
	if ft == nil {
		return false
	}
	sig, ok := ft.Underlying().(*types.Signature)
	if !ok {
		return false
	}
	for i, a := range call.Args {
		if a != target {
			continue
		}
		var pt types.Type
		switch n := sig.Params().Len(); {
		case sig.Variadic() && i >= n-1 && !call.Ellipsis.IsValid():
			pt = sig.Params().At(n - 1).Type().(*types.Slice).Elem()
		case i < n:
			pt = sig.Params().At(i).Type()
		default:
			return false
		}
		return types.AssignableTo(types.Typ[types.String], pt)
	}
	return false
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// uniqueError returns the only error-valued variable or field that
// expr formats (err in err.Error() or fmt.Sprintf("%v", err)).
func uniqueError(info *types.Info, expr ast.Expr) ast.Expr {
	var found ast.Expr
	count := 0
	ast.Inspect(expr, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Ident, *ast.SelectorExpr:
			e := x.(ast.Expr)
			if tv, ok := info.Types[e]; ok && tv.IsValue() && types.Implements(tv.Type, shapes.ErrorInterface) {
				if found == nil || types.ExprString(found) != types.ExprString(e) {
					count++
				}
				found = e
				return false
			}
		}
		return true
	})
	if count != 1 {
		return nil
	}
	return found
}

// sideEffectFree reports whether copying e into a new expression is
// safe: a constant, a variable, or a field selection.
func sideEffectFree(info *types.Info, e ast.Expr) bool {
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		if _, isPkg := info.Uses[identOf(x.X)].(*types.PkgName); isPkg {
			return true
		}
		return sideEffectFree(info, x.X)
	}
	return false
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// namesStayUsed reports whether every local variable and imported
// package that target mentions is used elsewhere in the file too, so
// that replacing target leaves no "declared and not used" variable and
// no unused import.
func namesStayUsed(info *types.Info, file *ast.File, target ast.Expr) bool {
	inside := make(map[types.Object]bool)
	ast.Inspect(target, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			switch obj := info.Uses[id].(type) {
			case *types.PkgName:
				inside[obj] = true
			case *types.Var:
				if obj.Parent() != nil && obj.Parent() != obj.Pkg().Scope() && !obj.IsField() {
					inside[obj] = true
				}
			}
		}
		return true
	})
	if len(inside) == 0 {
		return true
	}
	outside := make(map[types.Object]bool)
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if n.Pos() >= target.Pos() && n.End() <= target.End() {
			return false
		}
		if id, ok := n.(*ast.Ident); ok {
			if obj := info.Uses[id]; obj != nil && inside[obj] {
				outside[obj] = true
			}
		}
		return true
	})
	return len(outside) == len(inside)
}
