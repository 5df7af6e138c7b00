// Package checks lists upstreamlint's checks in one place, for the
// command, the golangci-lint plugin and tests.
package checks

import (
	"golang.org/x/tools/go/analysis"

	"github.com/upstreamlint/upstreamlint/passthrough"
)

// All returns the package-level analyzers of every check, each bound to
// its own flags (-<check>.<flag>).
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		passthrough.Analyzer,
	}
}
