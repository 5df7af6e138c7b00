package engine

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
)

// Debug-only details. Many services show an error's text only in a
// debug or development mode: `if gin.Mode() != gin.ReleaseMode { res.Error
// = err.Error() }`, `if e.debug { return appError }`. That is an explicit
// decision to keep details out of production answers, like logging them;
// the engine ignores what such a branch stores, returns or sends.

// DebugOnly reports whether block b runs only in a debug mode: it is
// dominated by the debug branch of an if on a debug switch (a field or
// variable whose name says debug, gin.Mode(), gin.IsDebugging()).
func (e *Engine) DebugOnly(b *ssa.BasicBlock) bool {
	if b == nil {
		return false
	}
	if v, ok := e.debugBlocks[b]; ok {
		return v
	}
	res := false
	for d, n := b.Idom(), 0; d != nil && n < 64 && !res; d, n = d.Idom(), n+1 {
		ifi, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || len(d.Succs) != 2 {
			continue
		}
		onTrue, ok := debugCond(ifi.Cond, 0)
		if !ok {
			continue
		}
		branch := d.Succs[1]
		if onTrue {
			branch = d.Succs[0]
		}
		res = branch.Dominates(b) && len(branch.Preds) == 1
	}
	if e.debugBlocks == nil {
		e.debugBlocks = make(map[*ssa.BasicBlock]bool)
	}
	e.debugBlocks[b] = res
	return res
}

// debugCond reports whether v tests a debug mode, and whether the mode is
// on when v is true.
func debugCond(v ssa.Value, depth int) (onTrue, ok bool) {
	if depth > 4 {
		return false, false
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		switch x.Op {
		case token.NOT:
			t, ok := debugCond(x.X, depth+1)
			return !t, ok
		case token.MUL: // a load of a field or a global
			switch a := x.X.(type) {
			case *ssa.FieldAddr:
				p, ok := a.X.Type().Underlying().(*types.Pointer)
				return true, ok && isBool(x.Type()) && debugName(fieldName(p.Elem(), a.Field, false))
			case *ssa.Global:
				return true, isBool(x.Type()) && debugName(a.Name())
			}
		}
	case *ssa.Field:
		return true, isBool(x.Type()) && debugName(fieldName(x.X.Type(), x.Field, false))
	case *ssa.Call:
		if obj, _ := callee(x.Common()); obj != nil && knowledge.DebugChecks[knowledge.FullName(obj)] {
			return true, true
		}
	case *ssa.BinOp:
		if x.Op != token.EQL && x.Op != token.NEQ {
			return false, false
		}
		mode, c := x.X, x.Y
		if _, ok := mode.(*ssa.Const); ok {
			mode, c = c, mode
		}
		call, ok := mode.(*ssa.Call)
		k, ok2 := c.(*ssa.Const)
		if !ok || !ok2 || k.Value == nil || k.Value.Kind() != constant.String {
			return false, false
		}
		obj, _ := callee(call.Common())
		if obj == nil {
			return false, false
		}
		dm, known := knowledge.DebugModes[knowledge.FullName(obj)]
		if !known {
			return false, false
		}
		switch constant.StringVal(k.Value) {
		case dm.Off:
			return x.Op == token.NEQ, true
		case dm.On:
			return x.Op == token.EQL, true
		}
	}
	return false, false
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// debugName reports whether a field or variable name says it switches a
// debug mode: debug, Debug, IsDebug, showDebugOnError, DebugMode.
func debugName(name string) bool {
	return strings.Contains(strings.ToLower(name), "debug")
}
