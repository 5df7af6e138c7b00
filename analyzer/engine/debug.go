package engine

import (
	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
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
		onTrue, ok := shapes.DebugCond(ifi.Cond, 0)
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
