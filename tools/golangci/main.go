// Command golangci-lint is golangci-lint v2 with the upstreamlint module
// plugin compiled in: what `golangci-lint custom` builds from
// .custom-gcl.yml, without cloning golangci-lint from GitHub. The
// end-to-end test in the repository root builds and runs it.
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/upstreamlint/upstreamlint" // registers the upstreamlint plugin
)

func main() {
	// Version "(devel)" makes golangci-lint salt its result cache with a
	// hash of this binary, so a rebuilt plugin never reuses stale results.
	info := commands.BuildInfo{Version: "(devel)", Commit: "upstreamlint plugin", Date: "(unknown)", GoVersion: "unknown"}
	if bi, ok := debug.ReadBuildInfo(); ok {
		info.GoVersion = bi.GoVersion
	}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
