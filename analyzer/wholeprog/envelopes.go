// Envelope calls: a module function's call that builds a response
// envelope, collected per package and joined per helper.

package wholeprog

import (
	"cmp"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

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

// joinEnvelopes gathers the calls by helper, and marks for phase 2 the
// packages of the helpers and of their callers: the helper's finding
// moves to its declaration.
func (p *Program) joinEnvelopes(calls []EnvelopeCall, roots []string) {
	p.Envelopes = make(map[string][]EnvelopeCall)
	linted := packageSet(roots)
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
		slices.SortFunc(cs, func(a, b EnvelopeCall) int { return comparePositions(a.At, b.At) })
	}
	// by path: a package and its test variant are two packages
	for _, cs := range p.Envelopes {
		p.Rerun[cs[0].HelperPkg] = true
		for _, c := range cs {
			p.Rerun[c.CallerPkg] = true
		}
	}
}

// joinDelegates gives phase 2 the functions whose answer a generated
// service method returns (Served), and marks their packages: each is
// judged there as the service method. A delegate outside the linted
// packages is not judged (as the generated method is not: nothing is
// reported in generated files).
func (p *Program) joinDelegates(ds []Delegate, roots []string) {
	linted := packageSet(roots)
	slices.SortFunc(ds, func(a, b Delegate) int {
		return cmp.Or(strings.Compare(a.Callee, b.Callee), strings.Compare(a.Service.Pos, b.Service.Pos))
	})
	for _, d := range ds {
		if !linted[d.CalleePkg] {
			continue
		}
		if _, ok := p.Served[d.Callee]; ok {
			continue
		}
		if p.Served == nil {
			p.Served = make(map[string]FuncRef)
		}
		p.Served[d.Callee] = d.Service
		p.Rerun[d.CalleePkg] = true
	}
}

// packageSet is the set of the linted packages' paths.
func packageSet(roots []string) map[string]bool {
	set := make(map[string]bool, len(roots))
	for _, r := range roots {
		set[r] = true
	}
	return set
}

// comparePositions orders positions by file, line and column: the calls
// of a helper in source order.
func comparePositions(a, b token.Position) int {
	if a.Filename != b.Filename {
		return strings.Compare(a.Filename, b.Filename)
	}
	if a.Line != b.Line {
		return a.Line - b.Line
	}
	return a.Column - b.Column
}
