package leak_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/internal/checktest"
	"github.com/upstreamlint/upstreamlint/leak"
)

// defaultCases are the test data packages the check is tested on with
// its default settings, beside frameworkCases.
var defaultCases = checktest.Cases{
	"leak/nethttp": "net/http handlers",
	// An error of the module's own type found with errors.As carries its
	// own text; a wrapper of another error, or a library's type, does not.
	"leak/ownerrtype": "errors.As of our own error type",
	// json.Marshal of a value that cannot fail returns a nil error.
	"leak/marshal": "json.Marshal that cannot fail",
	// A drop-in replacement of encoding/json writes what it encodes.
	"leak/jsondropin": "segmentio/encoding/json",
	// A payload's Validate method judges the client's input.
	"leak/validate": "payload validation",
	// Shapes of false positives seen on public repositories (docs/measurements.md).
	"leak/realfp/...": "silent shapes of real code",
	// Shapes of leaks the corpus study found missed (docs/measurements.md).
	"leak/realmiss/...": "leaks once missed on real code",
	// Code whose SSA has cycles (self-stores, phi loops, recursive types,
	// recursive summaries, self-capturing closures): the check must end,
	// and report what it reports on the same code without the cycle.
	"leak/cycles": "cycles",
	// An upstream error body is a proxy's only when written whole with
	// the status of its response on one path.
	"leak/proxypath": "proxies, path by path",
	// The dependency libraries services use are known without configuration.
	"leak/libraries": "dependency libraries",
	// HTTP responses by their shape: forks of net/http, client libraries.
	"leak/clientforks": "HTTP clients that are not net/http",
	// A module's error constructors carry their status to the write.
	"leak/moderrs":         "module error constructors with a status",
	"leak/fiberhandler500": "an error handler with its own 500 for errors that are not fiber's",
	"leak/fibermoderrs":    "module errors returned to an error handler that writes their status",
	// Typed responses of generated servers, written by generated code.
	"leak/generated": "generated servers' typed responses",
	// Errors a strict server's methods return, to its options' handler.
	"leak/strictserver": "oapi-codegen strict servers' returned errors",
	"leak/strictlocal":  "a strict server generated into its implementation's package",
	// The server-error status rule (issue 13): errors of unknown origin
	// sent with a 5xx, helpers reported once where the fix belongs,
	// helpers that drop the text for 5xx.
	"leak/servererror/...": "errors sent with a 5xx",
	// A Connect helper that wraps any error into a CodeInternal error
	// with its text (%w): reported once, in the helper, and not at the
	// handlers that return it for dependency errors.
	"leak/connecthelper": "a Connect status helper in the handlers' package",
	// Details shown only in a debug mode, errors of our own types and
	// error wrappers whose Error method shows a public message are
	// decisions: silent. Each return of a function with a defer returns
	// its own value.
	"leak/debugonly":    "details shown in a debug mode only",
	"leak/deferresults": "returns of a function with a defer",
	"leak/restpayload":  "public messages of error wrappers",
}

// TestDefaultConfig runs the check with its default settings on every
// case, in one analysistest run (-case=REGEXP picks some).
func TestDefaultConfig(t *testing.T) {
	checktest.RunCases(t, leak.NewAnalyzer(leak.DefaultConfig()), false, defaultCases, frameworkCases)
}

// TestDefaultFixes checks the default settings' fixes against the
// .golden files.
func TestDefaultFixes(t *testing.T) {
	fix := checktest.Cases{"leak/fix": "http.StatusText for the dependency's text"}
	checktest.RunCases(t, leak.NewAnalyzer(leak.DefaultConfig()), true, fix, frameworkFixCases)
}

func TestFixPublicMsg(t *testing.T) {
	cfg := leak.DefaultConfig()
	if err := cfg.PublicMsg.Set("example.com/apierr.Public"); err != nil {
		t.Fatal(err)
	}
	checktest.RunWithSuggestedFixes(t, leak.NewAnalyzer(cfg), "leak/fixpublic")
}

// TestConfiguredDependencies sets the shared analysis' -deps flag: the
// errors of a user's client package become dependency errors.
func TestConfiguredDependencies(t *testing.T) {
	shared := analyzer.New(analyzer.DefaultConfig())
	require.NoError(t, shared.Analyzer.Flags.Set("deps", "example.com/kv"))
	checktest.Run(t, leak.New(shared.Analyzer, leak.DefaultConfig()), "leak/deps")
}

// TestBudget runs the check with a work budget too small for any
// handler: every function is given up, silently, so nothing is reported
// where the default budget finds leaks, and the statistics name them.
func TestBudget(t *testing.T) {
	shared := analyzer.New(analyzer.Config{Budget: 3})
	shared.CollectStats()
	rec := &checktest.Recorder{}
	results := analysistest.Run(rec, checktest.Testdata(t), leak.New(shared.Analyzer, leak.DefaultConfig()), "leak/cycles")
	require.NotEmpty(t, results)
	for _, r := range results {
		assert.Empty(t, r.Diagnostics, "a function over budget must not be reported")
	}
	// Every `want` of the package is missed, and nothing else goes wrong.
	require.NotEmpty(t, rec.Errs)
	for _, e := range rec.Errs {
		assert.Contains(t, e, "no diagnostic was reported")
	}
	var gaveUp []string
	for _, st := range shared.Stats() {
		if st.Pkg == "leak/cycles" {
			gaveUp = append(gaveUp, st.GaveUp...)
		}
	}
	assert.Contains(t, gaveUp, "(*leak/cycles.selfStoreServer).GetOrder")
	assert.Contains(t, gaveUp, "leak/cycles.selfPayload")
}

// wholeModule is the module of testdata/whole/statushelper.
const wholeModule = "example.com/statushelper"

func newLeak(shared *analysis.Analyzer) *analysis.Analyzer {
	return leak.New(shared, leak.DefaultConfig())
}

// TestStatusHelpersAcrossPackages: a helper that turns any error into a
// gRPC status or a Connect error with a server code and its text, in a
// package of its own, called by service methods of other packages. The
// whole program reports it once, in the helper, with its calls counted;
// the calls are not reported, and a caller's own leak still is. A
// status builder (auth.RBAC.Check, called through an interface) is
// reported where it builds the status, and its callers are not.
func TestStatusHelpersAcrossPackages(t *testing.T) {
	dir := filepath.Join(checktest.Testdata(t), "whole", "statushelper")
	checktest.RunWhole(t, dir, wholeModule, newLeak, "./...")
}

// TestStatusHelpersPerPackage: without the join (a per-package host, or
// -upstreamfacts.whole=false), the helper's package cannot see its
// callers: the helper is not reported, and the calls that hand it a
// dependency error are reported where they are, as before. Neither is
// the status builder of package auth.
func TestStatusHelpersPerPackage(t *testing.T) {
	dir := filepath.Join(checktest.Testdata(t), "whole", "statushelper")
	checktest.VendorEnv(t, dir)
	rec := &checktest.Recorder{}
	analysistest.Run(rec, dir, leak.NewAnalyzer(leak.DefaultConfig()), "./...")
	var missed, unexpected []string
	for _, e := range rec.Errs {
		switch {
		case strings.Contains(e, "no diagnostic was reported"):
			missed = append(missed, e)
		case strings.Contains(e, "unexpected diagnostic"):
			unexpected = append(unexpected, e)
		default:
			t.Errorf("unexpected error: %s", e)
		}
	}
	// the two helpers' wants (errs.go) and the builder's (auth.go) are
	// missed; authsvc's call through auth.Checker is not resolved, so its
	// return is silent
	assert.Len(t, missed, 3, "%v", missed)
	for _, e := range missed {
		assert.True(t, strings.Contains(e, "errs.go") || strings.Contains(e, "auth.go"), e)
	}
	// the calls with a dependency error are reported at the call: Get
	// and Delete (FromStoreError), GetItem (ToStatus)
	require.Len(t, unexpected, 3, "%v", unexpected)
	for _, e := range unexpected {
		assert.Contains(t, e, "dependency error errs.")
	}
}

// TestOwnErrorsOfImplementations: a call through an interface of the
// module whose every implementation (the types converted to it, generic
// ones by their declaration) returns only nil or its own sentinels sends
// our own text, even with 500; one implementation over database/sql is
// enough for the text to be a dependency's.
func TestOwnErrorsOfImplementations(t *testing.T) {
	dir := filepath.Join(checktest.Testdata(t), "whole", "memstore")
	checktest.RunWhole(t, dir, "example.com/memstore", newLeak, "./...")
}
