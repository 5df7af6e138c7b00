// Command upstreamlint reports services that copy what a dependency said
// into their own answer. It runs standalone (upstreamlint ./...) and as
// go vet -vettool=$(which upstreamlint).
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/upstreamlint/upstreamlint/checks"
)

func main() {
	multichecker.Main(checks.All()...)
}
