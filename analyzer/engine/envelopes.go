package engine

import (
	"go/types"
	"slices"
	"strings"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
)

// Envelope helpers over the whole program.
//
// An admin back-end answers every request through one helper of its own,
// Error(c, code, err, msg), which writes {code, data, msg} with status
// 200; the handlers of a dozen packages call it with their failure code.
// The fix belongs in the helper, which chooses 200, but a package's
// analysis sees only its own calls: whether a code means failure is
// decided by the contrast with the success codes passed elsewhere, and a
// finding must be reported in the package being analysed. The
// standalone driver gathers, in phase 1, every call of the linted
// modules to an envelope helper of theirs (EnvelopeCall), and the join
// gives phase 2 the helper's calls over the program: the helper's
// package reports the helper once, with every failing call counted, and
// the callers' packages do not report those calls again. Per-package
// hosts report a helper of another package at its calls.

// NoteEnvelopeCall records a call in phase 1 (a no-op elsewhere).
func (e *Engine) NoteEnvelopeCall(c wholeprog.EnvelopeCall) {
	if !e.Dynamic || e.Sum == nil || c.Helper == nil || c.Caller == nil || !e.inModule(c.Helper.Pkg()) {
		return
	}
	if strings.HasSuffix(c.At.Filename, "_test.go") {
		return // tests are not the program's traffic (and go vet always analyses them)
	}
	c.HelperName, c.HelperPkg, c.CallerPkg = knowledge.FullName(c.Helper), c.Helper.Pkg().Path(), c.Caller.Path()
	e.Sum.AddEnvelope(c)
}

// ProgramEnvelopes returns, in phase 2, the calls of the whole program to
// the helper's envelope field, and whether the program knows them.
func (e *Engine) ProgramEnvelopes(helper *types.Func) ([]wholeprog.EnvelopeCall, bool) {
	if e.Prog == nil || helper == nil {
		return nil, false
	}
	cs, ok := e.Prog.Envelopes[knowledge.FullName(helper)]
	return cs, ok
}

// ProgramEnvelopeHelpers returns, in phase 2, the envelope helpers
// declared in the package that the program calls: this package's own
// objects (a package and its test variant declare the helper twice).
func (e *Engine) ProgramEnvelopeHelpers() []*types.Func {
	if e.Prog == nil || len(e.Prog.Envelopes) == 0 {
		return nil
	}
	var out []*types.Func
	for _, fn := range e.Funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || obj.Pkg() != e.Pkg.Pkg || slices.Contains(out, obj) {
			continue
		}
		if _, ok := e.Prog.Envelopes[knowledge.FullName(obj)]; ok {
			out = append(out, obj)
		}
	}
	slices.SortFunc(out, func(a, b *types.Func) int { return int(a.Pos() - b.Pos()) })
	return out
}
