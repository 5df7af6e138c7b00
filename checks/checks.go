// Package checks lists upstreamlint's checks in one place, for the
// command, the golangci-lint plugin and tests.
package checks

import (
	"golang.org/x/tools/go/analysis"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/leak"
	"github.com/upstreamlint/upstreamlint/passthrough"
	"github.com/upstreamlint/upstreamlint/softerror"
)

// All returns the package-level analyzers of every check, each bound to
// its own flags (-<check>.<flag>).
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		passthrough.Analyzer,
		leak.Analyzer,
		softerror.Analyzer,
	}
}

// Command returns what the command runs: the checks, plus the shared
// analyzer so that its one setting, -upstreamfacts.deps, is a flag too.
// It reports nothing itself.
func Command() []*analysis.Analyzer {
	return append([]*analysis.Analyzer{analyzer.Analyzer}, All()...)
}
