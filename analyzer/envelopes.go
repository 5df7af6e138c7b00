package analyzer

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
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

// An EnvelopeCall is one call of a linted module to a helper that writes
// the call's arguments into its 200 envelope.
type EnvelopeCall struct {
	Helper *types.Func    `json:"-"` // the helper (Via)
	Caller *types.Package `json:"-"` // the package of the call
	Pos    token.Pos      `json:"-"` // the call
	At     token.Position // the call's position: a package and its test variant make the same call twice
	// HelperName is the helper's full name, HelperPkg its package's
	// path, and CallerPkg the path of the call's package: what the join
	// knows of them (NoteEnvelopeCall sets them).
	HelperName, HelperPkg, CallerPkg string
	// Path is the status-like field a constant code lands in (lower
	// case), Code that constant, and Name its spelling when it is a
	// constant of the helper's package (SUCCESS), for fixes; Path is ""
	// when the call passes no constant code.
	Path string
	Code int64
	Name string
	// Param is the index of the helper's parameter the code is passed
	// to (receiver first), or -1.
	Param int
	// Fails: the call fills the envelope with a failure and no data, by
	// what its package knows; IfFailure: it would, were its code a
	// failure code (a business code the package does not contrast with
	// a success code). Marker says what fails ("Code: 7").
	Fails, IfFailure bool
	Marker           string
}

// NoteEnvelopeCall records a call in phase 1 (a no-op elsewhere).
func (e *Engine) NoteEnvelopeCall(c EnvelopeCall) {
	if !e.dynamic || e.sum == nil || c.Helper == nil || c.Caller == nil || !e.inModule(c.Helper.Pkg()) {
		return
	}
	if strings.HasSuffix(c.At.Filename, "_test.go") {
		return // tests are not the program's traffic (and go vet always analyses them)
	}
	c.HelperName, c.HelperPkg, c.CallerPkg = knowledge.FullName(c.Helper), c.Helper.Pkg().Path(), c.Caller.Path()
	e.sum.addEnvelope(c)
}

// ProgramEnvelopes returns, in phase 2, the calls of the whole program to
// the helper's envelope field, and whether the program knows them.
func (e *Engine) ProgramEnvelopes(helper *types.Func) ([]EnvelopeCall, bool) {
	if e.prog == nil || helper == nil {
		return nil, false
	}
	cs, ok := e.prog.Envelopes[knowledge.FullName(helper)]
	return cs, ok
}

// ProgramEnvelopeHelpers returns, in phase 2, the envelope helpers
// declared in the package that the program calls: this package's own
// objects (a package and its test variant declare the helper twice).
func (e *Engine) ProgramEnvelopeHelpers() []*types.Func {
	if e.prog == nil || len(e.prog.Envelopes) == 0 {
		return nil
	}
	var out []*types.Func
	for _, fn := range e.Funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || obj.Pkg() != e.Pkg.Pkg || slices.Contains(out, obj) {
			continue
		}
		if _, ok := e.prog.Envelopes[knowledge.FullName(obj)]; ok {
			out = append(out, obj)
		}
	}
	slices.SortFunc(out, func(a, b *types.Func) int { return int(a.Pos() - b.Pos()) })
	return out
}

// joinEnvelopes gathers the calls by helper, and marks for phase 2 the
// packages of the helpers and of their callers: the helper's finding
// moves to its declaration.
func (p *Program) joinEnvelopes(calls []EnvelopeCall, roots []string) {
	p.Envelopes = make(map[string][]EnvelopeCall)
	linted := make(map[string]bool, len(roots))
	for _, r := range roots {
		linted[r] = true
	}
	type site struct {
		helper string
		at     token.Position
	}
	seen := make(map[site]bool)
	for _, c := range calls {
		s := site{c.HelperName, c.At}
		if seen[s] {
			continue
		}
		seen[s] = true
		if !linted[c.HelperPkg] {
			continue // not linted: its callers report their calls
		}
		p.Envelopes[c.HelperName] = append(p.Envelopes[c.HelperName], c)
	}
	// in source order: phase 1 analyses packages in parallel, and the
	// findings name the first codes met
	for _, cs := range p.Envelopes {
		slices.SortFunc(cs, func(a, b EnvelopeCall) int {
			if a.At.Filename != b.At.Filename {
				return strings.Compare(a.At.Filename, b.At.Filename)
			}
			if a.At.Line != b.At.Line {
				return a.At.Line - b.At.Line
			}
			return a.At.Column - b.At.Column
		})
	}
	// by path: a package and its test variant are two packages
	for _, cs := range p.Envelopes {
		p.Rerun[cs[0].HelperPkg] = true
		for _, c := range cs {
			p.Rerun[c.CallerPkg] = true
		}
	}
}
