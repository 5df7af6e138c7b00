package analyzer

import (
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// A Host gives the shared analysis the whole program's findings when it
// runs in a per-package host (golangci-lint, go vet): those hosts hand
// it one package at a time, with its imports' facts only, while an
// interface's implementation or a func value's target may be in a
// package the one analysed does not import. The host's Host computes
// what the standalone runner computes (both phases and the join) and
// gives each package its part; the checks then report it through the
// package's own pass, so the host's suppressions, exclusions, caches
// and output formats apply as to any finding.
type Host interface {
	// Package returns what the whole program says about pass's package.
	// An error fails the checks' analyses of the package (the whole
	// program could not be computed: the error says why and how to turn
	// the join off; or a setting does not resolve: SettingError).
	Package(pass *analysis.Pass) (HostPackage, error)
}

// HostPackage is what a Host says about one package.
type HostPackage struct {
	// Findings are the diagnostics the whole program gives the
	// package, by check name (a check with none is absent), at
	// positions of pass.Fset. Nil: the package is analysed on its own,
	// with its imports' facts (a dependency, analysed for its facts; a
	// package whose files differ from those the whole program was
	// computed with).
	Findings map[string][]analysis.Diagnostic
}

// SetHost makes the analyses that follow take their findings from h
// when the whole-program join is on (Config.Whole); nil: none. A host
// that lints with the whole program needs no facts from the
// dependencies: every linted package takes its findings from the whole
// program (which the runner computes with the facts it needs), and a
// package analysed on its own (its files differ) goes without. So with
// a host the analyzer declares no facts, and the host does not analyse
// the dependencies for them: golangci-lint would analyse every one of
// them from source, go vet would run the analysis on each. Set the host
// only when the join is on, before the host reads the analyzer.
func (s *Shared) SetHost(h Host) {
	s.mu.Lock()
	s.host = h
	s.mu.Unlock()
	if h != nil {
		s.Analyzer.FactTypes = nil
	} else {
		s.Analyzer.FactTypes = factTypes()
	}
}

// withoutFacts returns pass with facts that import nothing and export
// nothing, for an analyzer that declares none (SetHost).
func withoutFacts(pass *analysis.Pass) *analysis.Pass {
	p := *pass
	p.ImportObjectFact = func(types.Object, analysis.Fact) bool { return false }
	p.ImportPackageFact = func(*types.Package, analysis.Fact) bool { return false }
	p.ExportObjectFact = func(types.Object, analysis.Fact) {}
	p.ExportPackageFact = func(analysis.Fact) {}
	p.AllObjectFacts = func() []analysis.ObjectFact { return nil }
	p.AllPackageFacts = func() []analysis.PackageFact { return nil }
	return &p
}

// hosted asks the host, if any and the join is on, about pass's
// package: a result to return as is (the host's error in Err), or nil
// (analyse the package).
func (s *Shared) hosted(pass *analysis.Pass) (*Result, error) {
	s.mu.Lock()
	h, whole := s.host, s.cfg.Whole
	s.mu.Unlock()
	if h == nil || !whole {
		return nil, nil
	}
	hp, err := h.Package(pass)
	switch {
	case err != nil:
		// the checks fail with it: go vet shows one analyzer's error of
		// a package, any of them, and it is then this one, not a
		// check's "failed prerequisites"
		return &Result{Err: err}, nil
	case hp.Findings != nil:
		return &Result{Replay: hp.Findings}, nil
	}
	return nil, nil
}
