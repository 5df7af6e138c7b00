package shapes

import "golang.org/x/tools/go/ssa"

// HandlerFuncs returns the functions a handler argument holds: a
// function, a closure, or the elements of a variadic argument list.
func HandlerFuncs(v ssa.Value) []*ssa.Function {
	switch x := Strip(v).(type) {
	case *ssa.Function:
		return []*ssa.Function{x}
	case *ssa.MakeClosure:
		if fn, ok := x.Fn.(*ssa.Function); ok {
			return []*ssa.Function{fn}
		}
	case *ssa.Slice:
		alloc, ok := x.X.(*ssa.Alloc)
		if !ok {
			return nil
		}
		var out []*ssa.Function
		for _, ref := range *alloc.Referrers() {
			ia, ok := ref.(*ssa.IndexAddr)
			if !ok {
				continue
			}
			for _, r := range *ia.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
					out = append(out, HandlerFuncs(st.Val)...) // an element: a function, not a slice
				}
			}
		}
		return out
	}
	return nil
}
