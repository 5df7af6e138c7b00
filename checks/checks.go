// Package checks lists upstreamlint's checks in one place, for the
// command, the golangci-lint plugin and tests.
package checks

import (
	"golang.org/x/tools/go/analysis"

	"github.com/upstreamlint/upstreamlint/leak"
	"github.com/upstreamlint/upstreamlint/passthrough"
	"github.com/upstreamlint/upstreamlint/softerror"
)

// All returns the package-level analyzers of every check, each bound to
// its own flags (-<check>.<flag>), on the shared analysis with its
// default settings: what go vet -vettool and nogo run.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		passthrough.Analyzer,
		leak.Analyzer,
		softerror.Analyzer,
	}
}

// New returns fresh analyzers of every check with its default settings,
// each bound to its own flags, on the instance of the shared analysis
// whose analyzer is shared (analyzer.New(cfg).Analyzer).
func New(shared *analysis.Analyzer) []*analysis.Analyzer {
	return []*analysis.Analyzer{
		passthrough.New(shared, passthrough.DefaultConfig()),
		leak.New(shared, leak.DefaultConfig()),
		softerror.New(shared, softerror.DefaultConfig()),
	}
}
