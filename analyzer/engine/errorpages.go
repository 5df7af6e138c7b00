package engine

import (
	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
)

// PresetStatus reports whether fn is registered, in its package, as a
// handler the framework runs with an error status already written
// (iris's OnErrorCode(404, h), gin's NoRoute(h)): a body it writes with
// no status of its own is sent with that error status, not 200.
func (e *Engine) PresetStatus(fn *ssa.Function) bool {
	if e.preset == nil {
		e.preset = make(map[*ssa.Function]bool)
		for _, f := range e.Funcs {
			for _, b := range f.Blocks {
				for _, in := range b.Instrs {
					call, ok := in.(ssa.CallInstruction)
					if !ok {
						continue
					}
					obj, _ := callee(call.Common())
					if obj == nil {
						continue
					}
					first, ok := knowledge.ErrorPages[knowledge.FullName(obj)]
					if !ok {
						continue
					}
					args := callArgs(call.Common())
					for i := first; i < len(args); i++ {
						for _, h := range handlerFuncs(args[i]) {
							e.preset[h] = true
						}
					}
				}
			}
		}
	}
	return e.preset[fn]
}

// handlerFuncs returns the functions a handler argument holds: a
// function, a closure, or the elements of a variadic argument list.
func handlerFuncs(v ssa.Value) []*ssa.Function {
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
					out = append(out, handlerFuncs(st.Val)...) // an element: a function, not a slice
				}
			}
		}
		return out
	}
	return nil
}
