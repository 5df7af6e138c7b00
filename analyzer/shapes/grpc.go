package shapes

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

var ErrorType = types.Universe.Lookup("error").Type()

// ForwardsAnswer reports whether err, returned by fn, is the error of an
// upstream gRPC or Connect call whose response fn returns, as it is, on
// another path: a facade that forwards the upstream's answer, its
// response or its error (resp, err := s.internal.Create(ctx, req); if err
// != nil { return nil, err }; …; return resp, nil), is a proxy.
func ForwardsAnswer(fn *ssa.Function, err ssa.Value) bool {
	x, ok := err.(*ssa.Extract)
	if !ok {
		return false
	}
	call, ok := x.Tuple.(*ssa.Call)
	if !ok || x.Index != call.Common().Signature().Results().Len()-1 {
		return false
	}
	if !isRPCClientCall(call.Common().Signature()) {
		return false
	}
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) < 2 {
			continue
		}
		if r, ok := ret.Results[0].(*ssa.Extract); ok && r.Tuple == call && r.Index == 0 {
			return true
		}
	}
	return false
}

// ForwardsCall reports whether ret returns, in order, every result of one
// gRPC client call (return remote.Greet(ctx, req)): a proxy that forwards
// the upstream's answer, response and error, as a whole (docs/design.md, what
// is not a defect).
func ForwardsCall(ret *ssa.Return) bool {
	var call *ssa.Call
	for i, r := range ret.Results {
		x, ok := r.(*ssa.Extract)
		if !ok || x.Index != i {
			return false
		}
		c, ok := x.Tuple.(*ssa.Call)
		if !ok || (call != nil && c != call) {
			return false
		}
		call = c
	}
	if call == nil {
		return false
	}
	sig := call.Common().Signature()
	return isRPCClientCall(sig) && len(ret.Results) == sig.Results().Len()
}

// GeneratedServerMethods returns the methods of every Unimplemented…Server
// or Unsafe…Server type that n embeds (Unsafe…Server is an interface
// with one unexported method: then every exported method counts).
func GeneratedServerMethods(n *types.Named) map[string]bool {
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out map[string]bool
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if !f.Embedded() {
			continue
		}
		fn := RecvNamed(f.Type())
		if fn == nil {
			continue
		}
		name := fn.Obj().Name()
		switch {
		case strings.HasPrefix(name, "Unimplemented") && strings.HasSuffix(name, "Server"):
			// One type often implements several services (one struct
			// embedding every Unimplemented…Server): each adds its methods.
			out = AddNames(out, MethodNames(types.NewPointer(fn)))
		case strings.HasPrefix(name, "Unsafe") && strings.HasSuffix(name, "Server"):
			out = AddNames(out, MethodNames(types.NewPointer(n)))
		}
	}
	return out
}

// AddNames adds the names of from to into, and returns into (allocated
// when nil).
func AddNames(into, from map[string]bool) map[string]bool {
	if into == nil {
		into = make(map[string]bool, len(from))
	}
	for k, v := range from {
		if v {
			into[k] = true
		}
	}
	return into
}

func MethodNames(t types.Type) map[string]bool {
	ms := types.NewMethodSet(t)
	out := make(map[string]bool, ms.Len())
	for i := 0; i < ms.Len(); i++ {
		if m := ms.At(i).Obj(); m.Exported() {
			out[m.Name()] = true
		}
	}
	return out
}

func RecvNamed(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}
