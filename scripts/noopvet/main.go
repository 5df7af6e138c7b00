// Command noopvet is a vet tool that does nothing: one analyzer whose Run
// returns nil, driven by unitchecker. scripts/bench-vet.sh uses it as the
// floor of what any go vet -vettool costs (process start-up, vet config,
// type-checking every package from source), to put upstreamlint's cost in
// perspective.
//
// The variant string is set with -ldflags=-X=main.variant=... to build a
// second binary whose content, hence go vet cache key, differs: the script
// uses that one to warm a build cache without warming this tool's results.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
)

var variant = "noop"

func main() {
	unitchecker.Main(&analysis.Analyzer{
		Name: "noop",
		Doc:  "report nothing (" + variant + ")",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	})
}
