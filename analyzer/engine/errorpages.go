package engine

import (
	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
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
					obj, _ := shapes.Callee(call.Common())
					if obj == nil {
						continue
					}
					first, ok := knowledge.ErrorPages[knowledge.FullName(obj)]
					if !ok {
						continue
					}
					args := shapes.CallArgs(call.Common())
					for i := first; i < len(args); i++ {
						for _, h := range shapes.HandlerFuncs(args[i]) {
							e.preset[h] = true
						}
					}
				}
			}
		}
	}
	return e.preset[fn]
}
