package shapes

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
)

// DominatesInstr reports whether a runs before b on every path to b:
// earlier in b's block, or in a block that dominates b's.
func DominatesInstr(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab == nil || bb == nil || ab.Parent() != bb.Parent() {
		return false
	}
	if ab == bb {
		for _, x := range ab.Instrs {
			switch x {
			case a:
				return true
			case b:
				return false
			}
		}
		return false
	}
	return ab.Dominates(bb)
}

// ServerError reports whether a status is a server error (5xx).
func ServerError(code int) bool { return code >= 500 && code <= 599 }

// ConstStatus returns the status v is on every path when it is an
// integer constant or a phi of constants of one class (all 5xx), else 0.
func ConstStatus(v ssa.Value, depth int) int {
	v = Strip(v)
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value == nil || x.Value.Kind() != constant.Int {
			return 0
		}
		n, ok := constant.Int64Val(x.Value)
		if !ok || n < 100 || n > 999 {
			return 0
		}
		return int(n)
	case *ssa.Phi:
		if depth > 2 {
			return 0
		}
		first := 0
		for _, in := range x.Edges {
			if FrameworkErrorCode(in) {
				// code = 500; if errors.As(err, &e) { code = e.Code }: the
				// code a framework error was built with is its builder's
				// decision; every other error gets the constant
				continue
			}
			n := ConstStatus(in, depth+1)
			if n == 0 || (first != 0 && n/100 != first/100) {
				return 0
			}
			if first == 0 {
				first = n
			}
		}
		return first
	}
	return 0
}

// Holds evaluates x op n for the status x.
func Holds(op token.Token, n, x int64) bool {
	switch op {
	case token.EQL:
		return x == n
	case token.NEQ:
		return x != n
	case token.LSS:
		return x < n
	case token.LEQ:
		return x <= n
	case token.GTR:
		return x > n
	case token.GEQ:
		return x >= n
	}
	return false
}

// FrameworkErrorCode reports whether v reads the Code field of a
// framework's error type (*fiber.Error, *echo.HTTPError).
func FrameworkErrorCode(v ssa.Value) bool {
	load, ok := Strip(v).(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok || FieldName(fa.X.Type(), fa.Field, true) != "Code" {
		return false
	}
	for _, fw := range knowledge.ErrorFrameworks {
		if fw.ErrorType[0] != "" && knowledge.IsPtrTo(fa.X.Type(), fw.ErrorType[0], fw.ErrorType[1]) {
			return true
		}
	}
	return false
}
