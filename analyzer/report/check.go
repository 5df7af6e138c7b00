package report

import (
	"golang.org/x/tools/go/analysis"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/analyzer/engine"
)

// DocURL is the page that documents a check (or, for the shared
// analysis, the design): SARIF's helpUri and the analyzer's URL.
func DocURL(page string) string {
	return "https://github.com/upstreamlint/upstreamlint/blob/main/docs/" + page + ".md"
}

// NewCheck returns the analyzer of a check that runs on an instance of
// the shared analysis (its Analyzer, shared): the preamble every check
// has in one place. In a package where the shared analysis found
// nothing to do, the check does nothing; otherwise find runs with the
// package's engine, held for it (the checks of a package share the
// engine and may run in parallel), and a reporter that honours the
// suppression directives and the check's allowlist allow. In a
// per-package host that gives the package the whole program's findings
// (analyzer.Host), the check reports those instead. The analysis fails
// when a function setting a fix would call does not resolve
// (Reporter.FuncOK).
func NewCheck(shared *analysis.Analyzer, name, doc string, allow *analyzer.FuncPatterns, find func(*analysis.Pass, *engine.Engine, *Reporter)) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     name,
		Doc:      doc,
		URL:      DocURL(name),
		Requires: []*analysis.Analyzer{shared},
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[shared].(*analyzer.Result)
			if res.Err != nil {
				return nil, res.Err // the host's
			}
			if res.Replay != nil {
				// what the whole program found here (a host's): the
				// reporter's suppressions and allowlist applied there
				for _, d := range res.Replay[name] {
					pass.Report(d)
				}
				return nil, nil
			}
			if res.Engine == nil {
				return nil, nil
			}
			e := res.Engine
			e.Lock()
			defer e.Unlock()
			rep := NewReporter(pass, res, name, allow)
			rep.ReportDirectives()
			find(pass, e, rep)
			return nil, rep.Err()
		},
	}
}
