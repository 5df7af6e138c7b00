package shapes

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
)

// DebugCond reports whether v tests a debug mode, and whether the mode is
// on when v is true.
func DebugCond(v ssa.Value, depth int) (onTrue, ok bool) {
	if depth > 4 {
		return false, false
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		switch x.Op {
		case token.NOT:
			t, ok := DebugCond(x.X, depth+1)
			return !t, ok
		case token.MUL: // a load of a field or a global
			switch a := x.X.(type) {
			case *ssa.FieldAddr:
				p, ok := a.X.Type().Underlying().(*types.Pointer)
				return true, ok && isBool(x.Type()) && debugName(FieldName(p.Elem(), a.Field, false))
			case *ssa.Global:
				return true, isBool(x.Type()) && debugName(a.Name())
			}
		}
	case *ssa.Field:
		return true, isBool(x.Type()) && debugName(FieldName(x.X.Type(), x.Field, false))
	case *ssa.Call:
		if obj, _ := Callee(x.Common()); obj != nil && knowledge.DebugChecks[knowledge.FullName(obj)] {
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
		obj, _ := Callee(call.Common())
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

// debugName reports whether a field or variable name says it switches a
// debug mode: debug, Debug, IsDebug, showDebugOnError, DebugMode.
func debugName(name string) bool {
	return strings.Contains(strings.ToLower(name), "debug")
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}
