// Command upstreamlint reports services that copy what a dependency said
// into their own answer. It runs standalone (upstreamlint ./...), with
// output for CI systems (-format=sarif|github|rdjson), and as
// go vet -vettool=$(which upstreamlint).
package main

import (
	"github.com/upstreamlint/upstreamlint/checks"
	"github.com/upstreamlint/upstreamlint/driver"
)

func main() {
	driver.Main(driver.Tool{
		Name: "upstreamlint",
		URL:  "https://github.com/upstreamlint/upstreamlint",
	}, checks.New)
}
