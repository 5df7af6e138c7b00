package shapes

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
)

// ConcreteTypes returns the concrete types an interface value can hold,
// following conversions, phis and the returns of the functions of the
// program it comes from (a bounded walk, with a visited set); complete is
// false when some origin is unknown (a parameter, an interface call, a
// type assertion to an interface).
func ConcreteTypes(v ssa.Value) (ts []types.Type, complete bool) {
	seen := make(map[ssa.Value]bool)
	complete = concreteTypes(v, seen, &ts, 0)
	return ts, complete
}

// ErrorRoot returns the error value whose text an argument carries:
// the receiver of err.Error(), through interface conversions.
func ErrorRoot(v ssa.Value) ssa.Value {
	v = Strip(v)
	if c, ok := v.(*ssa.Call); ok {
		if obj, _ := Callee(c.Common()); obj != nil && knowledge.FullName(obj) == "(error).Error" {
			return Strip(CallArgs(c.Common())[0])
		}
	}
	return v
}

// NarrowedToConstants reports whether, where b executes, v is known to
// equal one of a few constants (nil included): every way into b, or
// into a block that dominates it, is the true edge of v == K or the
// false edge of v != K. A value narrowed so is a decision (switch code
// { case 200, 201: return code }), not a copy of whatever the upstream
// said; an error narrowed to nil carries no text.
func NarrowedToConstants(b *ssa.BasicBlock, v ssa.Value) bool {
	v = Strip(v)
	return GuardedByAllPreds(b, func(cond ssa.Value, succ int) bool {
		bin, ok := cond.(*ssa.BinOp)
		if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
			return false
		}
		var other ssa.Value
		switch {
		case sameValue(Strip(bin.X), v, 0):
			other = bin.Y
		case sameValue(Strip(bin.Y), v, 0):
			other = bin.X
		default:
			return false
		}
		if _, isConst := other.(*ssa.Const); !isConst {
			return false
		}
		if bin.Op == token.EQL {
			return succ == 0
		}
		return succ == 1
	})
}

// SentinelGuarded reports whether b executes only when the error v was
// found equal to a package-level sentinel (errors.Is(v, ErrX) or
// v == ErrX, also several joined by ||): then v is that sentinel, our
// own error, not the dependency's text.
func SentinelGuarded(b *ssa.BasicBlock, v ssa.Value) bool {
	v = Strip(v)
	return GuardedByAllPreds(b, func(cond ssa.Value, succ int) bool {
		switch c := cond.(type) {
		case *ssa.Call:
			if obj, _ := Callee(c.Common()); obj != nil && knowledge.FullName(obj) == "errors.Is" && succ == 0 {
				args := c.Common().Args
				return len(args) == 2 && Strip(args[0]) == v && IsSentinel(args[1])
			}
		case *ssa.BinOp:
			want := 0
			if c.Op == token.NEQ {
				want = 1
			} else if c.Op != token.EQL {
				return false
			}
			return succ == want && ((Strip(c.X) == v && IsSentinel(c.Y)) || (Strip(c.Y) == v && IsSentinel(c.X)))
		}
		return false
	})
}

// Strip returns the value behind conversions: interface wrapping
// (MakeInterface, ChangeInterface), named-type changes and numeric or
// string conversions. None of them changes where a value came from.
func Strip(v ssa.Value) ssa.Value {
	for i := 0; i < 16; i++ {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Convert:
			v = x.X
		default:
			return v
		}
	}
	return v
}

// CellHolds reports whether a local cell (a variable captured by closures,
// or the named result of a function with a defer) is stored into at least
// once, only by this function, and only values for which holds is true:
// its closures only read it, and its address goes nowhere else.
func CellHolds(alloc *ssa.Alloc, holds func(ssa.Value) bool) bool {
	stores := 0
	for _, ref := range *alloc.Referrers() {
		switch r := ref.(type) {
		case *ssa.Store:
			if r.Addr != alloc || !holds(r.Val) {
				return false
			}
			stores++
		case *ssa.MakeClosure:
			if closureWrites(r, alloc) {
				return false
			}
		case *ssa.UnOp, *ssa.DebugRef:
			// reads of the cell
		default:
			return false // the address escapes: it may be written elsewhere
		}
	}
	return stores > 0
}

// closureWrites reports whether the closure made by mc stores into the
// cell it captures as binding, or lets its address go further.
func closureWrites(mc *ssa.MakeClosure, cell ssa.Value) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return true
	}
	for i, b := range mc.Bindings {
		if b != cell || i >= len(fn.FreeVars) {
			continue
		}
		for _, ref := range *fn.FreeVars[i].Referrers() {
			switch ref.(type) {
			case *ssa.UnOp, *ssa.DebugRef:
			default:
				return true // a store, or handed on (to a nested closure, say)
			}
		}
	}
	return false
}

func concreteTypes(v ssa.Value, seen map[ssa.Value]bool, out *[]types.Type, depth int) bool {
	if depth > 6 || len(seen) > 64 {
		return false
	}
	if seen[v] {
		return true
	}
	seen[v] = true
	if !types.IsInterface(v.Type()) {
		*out = append(*out, v.Type())
		return true
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		*out = append(*out, x.X.Type())
		return true
	case *ssa.ChangeInterface:
		return concreteTypes(x.X, seen, out, depth+1)
	case *ssa.Phi:
		all := true
		for _, e := range x.Edges {
			all = concreteTypes(e, seen, out, depth+1) && all
		}
		return all
	case *ssa.Const:
		return x.IsNil()
	case *ssa.Extract:
		if c, ok := x.Tuple.(*ssa.Call); ok {
			return returnedTypes(c, x.Index, seen, out, depth)
		}
	case *ssa.Call:
		return returnedTypes(x, 0, seen, out, depth)
	}
	return false
}

var ErrorInterface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func Flip(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.GTR:
		return token.LSS
	case token.LEQ:
		return token.GEQ
	case token.GEQ:
		return token.LEQ
	}
	return op
}

// GuardedByAllPreds reports whether some block dominating b (b
// included) is entered only along If edges for which holds(cond, succ)
// is true: a condition known to hold wherever b runs, even when several
// tests lead there (a || b, case A, B:).
func GuardedByAllPreds(b *ssa.BasicBlock, holds func(cond ssa.Value, succ int) bool) bool {
	for d := b; d != nil; d = d.Idom() {
		if len(d.Preds) == 0 {
			continue
		}
		all := true
		for _, p := range d.Preds {
			ifInstr, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
			if !ok || p.Succs[0] == p.Succs[1] {
				all = false
				break
			}
			succ := 0
			if p.Succs[1] == d {
				succ = 1
			}
			if !holds(ifInstr.Cond, succ) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// isConstantError reports whether v is errors.New or fmt.Errorf called
// with constant arguments only: fixed text of ours.
func isConstantError(v ssa.Value) bool {
	c, ok := Strip(v).(*ssa.Call)
	if !ok {
		return false
	}
	obj, _ := Callee(c.Common())
	if obj == nil {
		return false
	}
	switch knowledge.FullName(obj) {
	case "errors.New":
	case "fmt.Errorf":
		if len(c.Common().Args) == 2 {
			if sl, ok := c.Common().Args[1].(*ssa.Const); !ok || !sl.IsNil() {
				return false // %v of something: not only constants
			}
		}
	default:
		return false
	}
	_, isConst := c.Common().Args[0].(*ssa.Const)
	return isConst
}

func isGlobalLoad(v ssa.Value) bool {
	v = Strip(v)
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		_, ok := u.X.(*ssa.Global)
		return ok
	}
	return false
}

// IsSentinel reports whether v is one of our sentinel errors: a
// package-level variable, or a local error made of constants only
// (errMissing := errors.New("…") in the function, often captured by its
// closures, so read through a cell whose every store is such an error).
func IsSentinel(v ssa.Value) bool {
	if isGlobalLoad(v) {
		return true
	}
	v = Strip(v)
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		alloc, ok := u.X.(*ssa.Alloc)
		return ok && CellHolds(alloc, isConstantError)
	}
	if c, ok := v.(*ssa.Const); ok && !c.IsNil() && types.Implements(c.Type(), ErrorInterface) {
		return true // a constant of an error type: redis.Nil
	}
	if a, ok := v.(*ssa.Alloc); ok {
		// errors.Is(err, &types.ErrIgnoreEvent{}): a fresh value can only
		// match through the type's Is method, a test of the error's type
		if p, ok := a.Type().Underlying().(*types.Pointer); ok {
			if n, ok := types.Unalias(p.Elem()).(*types.Named); ok && types.Implements(a.Type(), ErrorInterface) {
				if _, ok := n.Underlying().(*types.Struct); ok {
					return true
				}
			}
		}
	}
	return isConstantError(v)
}

func OtherSide(bin *ssa.BinOp, side ssa.Value) ssa.Value {
	if side == bin.X {
		return bin.Y
	}
	return bin.X
}

func returnedTypes(c *ssa.Call, index int, seen map[ssa.Value]bool, out *[]types.Type, depth int) bool {
	fn := c.Call.StaticCallee()
	if fn == nil || fn.Blocks == nil {
		return false
	}
	all := true
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || b == fn.Recover {
			continue
		}
		if index >= len(ret.Results) {
			return false
		}
		all = concreteTypes(ret.Results[index], seen, out, depth+1) && all
	}
	return all
}

// sameValue reports whether a and b are the same value, or reads of the
// same field of the same value (resp.StatusCode loaded twice). Stores in
// between are not considered: a status field is not rewritten between a
// test and its use in practice.
func sameValue(a, b ssa.Value, depth int) bool {
	if a == b {
		return true
	}
	if depth > 4 {
		return false
	}
	switch x := a.(type) {
	case *ssa.UnOp:
		// loads of a field only: a local variable may be reassigned
		y, ok := b.(*ssa.UnOp)
		_, field := x.X.(*ssa.FieldAddr)
		return ok && field && x.Op == token.MUL && y.Op == token.MUL && sameValue(x.X, y.X, depth+1)
	case *ssa.FieldAddr:
		y, ok := b.(*ssa.FieldAddr)
		return ok && x.Field == y.Field && sameValue(x.X, y.X, depth+1)
	case *ssa.Field:
		y, ok := b.(*ssa.Field)
		return ok && x.Field == y.Field && sameValue(x.X, y.X, depth+1)
	}
	return false
}

// ComposedText reports whether v is text of ours with something else
// inside: a fmt.Sprintf (or Sprint, Errorf) whose format has text beside
// its verbs, or a concatenation with a non-empty constant, seen through
// conversions ([]byte(…)). An upstream body embedded in such a message
// ("request failed: %s") is not forwarded whole, as a proxy forwards it.
func ComposedText(v ssa.Value) bool {
	for depth := 0; depth < 8; depth++ {
		v = Strip(v)
		switch x := v.(type) {
		case *ssa.BinOp:
			if x.Op != token.ADD || !IsString(x.Type()) {
				return false
			}
			if nonEmptyString(x.X) || nonEmptyString(x.Y) {
				return true
			}
			// "a" + b + c is (("a" + b) + c): look left, then right.
			if ComposedText(x.X) {
				return true
			}
			v = x.Y
		case *ssa.Call:
			obj, _ := Callee(x.Common())
			if obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != "fmt" {
				return false
			}
			args := x.Common().Args
			switch obj.Name() {
			case "Sprintf", "Errorf":
				if len(args) == 0 {
					return false
				}
				c, ok := args[0].(*ssa.Const)
				if !ok || c.Value == nil || c.Value.Kind() != constant.String {
					return false
				}
				return formatHasText(constant.StringVal(c.Value))
			case "Sprint", "Sprintln":
				// fmt.Sprint("failed: ", body): a constant among the operands
				return len(args) == 1 && variadicHasText(args[0])
			}
			return false
		default:
			return false
		}
	}
	return false
}

// nonEmptyString reports whether v is a non-empty string constant.
func nonEmptyString(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value != nil && c.Value.Kind() == constant.String && constant.StringVal(c.Value) != ""
}

// formatHasText reports whether a fmt format has text beside its verbs
// (spaces and punctuation around one verb count: "%s\n" does not).
func formatHasText(f string) bool {
	verbs := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			if f[i] > ' ' && !strings.ContainsRune(".:;,!?-", rune(f[i])) {
				return true
			}
			continue
		}
		i++
		if i < len(f) && f[i] == '%' {
			continue
		}
		// flags, width, precision, then the verb letter
		for i < len(f) && strings.IndexByte("+-# 0123456789.*[]", f[i]) >= 0 {
			i++
		}
		verbs++
	}
	return verbs > 1
}

// variadicHasText reports whether the slice of a variadic call's
// operands holds a non-empty string constant.
func variadicHasText(slice ssa.Value) bool {
	sl, ok := slice.(*ssa.Slice)
	if !ok {
		return false
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return false
	}
	for _, r := range *alloc.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, rr := range *ia.Referrers() {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == ia && nonEmptyString(Strip(st.Val)) {
				return true
			}
		}
	}
	return false
}

// AsGuarded reports whether b executes only when errors.As(v, target)
// found in the error v a value of a type own accepts (the module's own
// error type about the client's input, errors.As(err,
// &ErrInvalidUserInput{})), or v was asserted to be one (_, ok :=
// err.(validationError); if ok): then v's text is that type's, as for a
// sentinel (SentinelGuarded).
func AsGuarded(b *ssa.BasicBlock, v ssa.Value, own func(types.Type) bool) bool {
	v = Strip(v)
	return GuardedByAllPreds(b, func(cond ssa.Value, succ int) bool {
		if succ != 0 {
			return false
		}
		if x, ok := cond.(*ssa.Extract); ok && x.Index == 1 {
			// _, ok := err.(validationError); if ok
			ta, ok := x.Tuple.(*ssa.TypeAssert)
			return ok && ta.CommaOk && Strip(ta.X) == v && own(ta.AssertedType)
		}
		c, ok := cond.(*ssa.Call)
		if !ok {
			return false
		}
		obj, _ := Callee(c.Common())
		if obj == nil || knowledge.FullName(obj) != "errors.As" {
			return false
		}
		args := c.Common().Args
		if len(args) != 2 || Strip(args[0]) != v {
			return false
		}
		ptr, ok := Strip(args[1]).Type().Underlying().(*types.Pointer)
		return ok && own(ptr.Elem())
	})
}

// StatusGuarded reports whether b runs only where the error v was found
// to be a gRPC status already (_, ok := status.FromError(v); if ok): a
// helper returning it unchanged there keeps a status, not a plain
// error's text.
func StatusGuarded(b *ssa.BasicBlock, v ssa.Value) bool {
	v = Strip(v)
	return GuardedByAllPreds(b, func(cond ssa.Value, succ int) bool {
		x, ok := cond.(*ssa.Extract)
		if !ok || succ != 0 || x.Index != 1 {
			return false
		}
		c, ok := x.Tuple.(*ssa.Call)
		if !ok {
			return false
		}
		obj, _ := Callee(c.Common())
		if obj == nil || knowledge.CodedErrors[knowledge.FullName(obj)] != knowledge.StatusFromError {
			return false
		}
		args := c.Common().Args
		return len(args) == 1 && Strip(args[0]) == v
	})
}
