// Status helpers: a module function that turns any error into a status
// with a server code and the error's text, returned by service methods
// of other packages (analyzer/engine/statushelpers.go).

package wholeprog

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
)

// ServerText says that a function returns, on some path, a status with
// the server code Code carrying the text of its parameter Param (an
// index in the SSA parameters: a method's receiver is 0).
type ServerText struct {
	Param int
	Code  string
}

// A StatusHelperCall is a service method's return of a status helper of
// another package of the linted modules, with an error that is not
// provably ours.
type StatusHelperCall struct {
	Helper *types.Func    `json:"-"` // the helper
	Caller *types.Package `json:"-"` // the package of the call
	At     token.Position // the return's position: a package and its test variant make the same call twice
	// HelperName is the helper's full name, HelperPkg its package's
	// path, and CallerPkg the path of the call's package
	// (NoteStatusHelperCall sets them).
	HelperName, HelperPkg, CallerPkg string
	// Code is the server code the helper sends the text with, and Dep
	// whether the error passed is a dependency error (the reason the
	// helper's finding names).
	Code string
	Dep  bool
	// Built: the "helper" is a status builder (a function that makes a
	// status from a dependency error's text of its own and returns it,
	// leak's builders), not a status helper; Code is then "".
	Built bool `json:",omitempty"`
	// Through, in phase 1, is the dynamic label (its call's key, result,
	// reads and path) of a service method's returned error: the join
	// turns it into the calls of the builders of what the call's
	// implementations return (expandBuilt). HelperName is then "".
	Through *labels.FactLabel `json:",omitempty"`
}

// AddStatusHelperCall records a return of a status helper's result.
func (s *PackageSummary) AddStatusHelperCall(c StatusHelperCall) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.StatusHelpers = append(s.StatusHelpers, c)
}

// expandBuilt replaces each call with a Through label by calls of the
// builders of every leaking label the call's implementations return,
// when all of them were built into a status (labels.Label.Built), and
// drops it otherwise.
func (p *Program) expandBuilt(calls []StatusHelperCall) []StatusHelperCall {
	var out []StatusHelperCall
	for _, c := range calls {
		if c.Through == nil {
			out = append(out, c)
			continue
		}
		ff := p.Joined[c.Through.Dyn]
		if ff == nil || c.Through.Param < 0 || c.Through.Param >= len(ff.Results) {
			continue
		}
		var names []string
		all := true
		for _, l := range labels.FromFact(ff.Results[c.Through.Param], nil).ApplyOps(c.Through.Reads) {
			if !l.Kind.Leaks() || l.Path != "" {
				continue
			}
			if l.Built == "" {
				all = false
				break
			}
			if !slices.Contains(names, l.Built) {
				names = append(names, l.Built)
			}
		}
		if !all {
			continue
		}
		for _, name := range names {
			b := c
			b.Through = nil
			b.HelperName, b.HelperPkg = name, knowledge.PackageOfFullName(name)
			out = append(out, b)
		}
	}
	return out
}

// joinStatusHelpers gathers the calls by helper, in source order, and
// marks for phase 2 the packages of the helpers and of their callers:
// the finding moves to the helper. A helper outside the linted packages
// is not reported: its callers report their calls.
func (p *Program) joinStatusHelpers(calls []StatusHelperCall, roots []string) {
	p.StatusHelpers = make(map[string][]StatusHelperCall)
	linted := packageSet(roots)
	type site struct {
		helper string
		at     token.Position
	}
	seen := make(map[site]bool)
	for _, c := range calls {
		s := site{c.HelperName, c.At}
		if seen[s] || !linted[c.HelperPkg] {
			continue
		}
		seen[s] = true
		p.StatusHelpers[c.HelperName] = append(p.StatusHelpers[c.HelperName], c)
	}
	for _, cs := range p.StatusHelpers {
		slices.SortFunc(cs, func(a, b StatusHelperCall) int { return comparePositions(a.At, b.At) })
		p.Rerun[cs[0].HelperPkg] = true
		for _, c := range cs {
			p.Rerun[c.CallerPkg] = true
		}
	}
}
