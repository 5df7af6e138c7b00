// Command upstreamlint reports services that copy what a dependency said
// into their own answer. It runs standalone (upstreamlint ./...), with
// output for CI systems (-format=sarif|github|rdjson), and as
// go vet -vettool=$(which upstreamlint).
package main

import (
	"github.com/upstreamlint/upstreamlint/checks"
	"github.com/upstreamlint/upstreamlint/driver"
)

// version is the release a build says it is (-V, SARIF), set by the
// release builds: go build -ldflags "-X main.version=v1.2.3"
// (.goreleaser.yaml). Empty, the version comes from the build
// information: go install …@v1.2.3 gives v1.2.3, a build in a clone
// "(devel)" or a pseudo-version.
var version string

func main() {
	driver.Main(driver.Tool{
		Name:    "upstreamlint",
		URL:     "https://github.com/upstreamlint/upstreamlint",
		Version: version,
	}, checks.New)
}
