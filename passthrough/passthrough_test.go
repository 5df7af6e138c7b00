package passthrough_test

import (
	"testing"

	"github.com/upstreamlint/upstreamlint/internal/checktest"
	"github.com/upstreamlint/upstreamlint/passthrough"
)

// defaultCases are the test data packages the check is tested on with
// its default settings, beside frameworkCases.
var defaultCases = checktest.Cases{
	"passthrough/nethttp":            "net/http handlers",
	"passthrough/httpdoer":           "clients behind an interface with Do",
	"passthrough/mappedunconfigured": "a partial mapper that is not configured",
	"passthrough/crosspkg":           "facts across packages",
	"passthrough/suppress":           "//upstreamlint:ignore directives",
	"passthrough/suppressfile":       "//upstreamlint:file-ignore directives",
	"passthrough/ginproxy":           "a proxy through a helper of unknown body",
	// Shapes of false positives seen on public repositories (docs/measurements.md).
	"passthrough/realfp/...": "silent shapes of real code",
	// The transparent-proxy rule looks at one response path, not at the
	// whole function.
	"passthrough/proxypath": "proxies, path by path",
	// The status of an HTTP client library's response is an upstream status.
	"passthrough/resty": "resty's response",
}

// TestDefaultConfig runs the check with its default settings on every
// case, in one analysistest run (-case=REGEXP picks some).
func TestDefaultConfig(t *testing.T) {
	checktest.RunCases(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), false, defaultCases, frameworkCases)
}

// TestDefaultFixes checks the default settings' fixes against the
// .golden files.
func TestDefaultFixes(t *testing.T) {
	fix := checktest.Cases{"passthrough/fix": "the default mapper, added to the file"}
	checktest.RunCases(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), true, fix, frameworkFixCases)
}

func withMapper(t *testing.T) passthrough.Config {
	cfg := passthrough.DefaultConfig()
	if err := cfg.Mapper.Set("example.com/httperr.FromUpstream"); err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestFixConfiguredMapper(t *testing.T) {
	checktest.RunWithSuggestedFixes(t, passthrough.NewAnalyzer(withMapper(t)), "passthrough/fixmapper")
}

func TestConfiguredMapperIsTrusted(t *testing.T) {
	checktest.Run(t, passthrough.NewAnalyzer(withMapper(t)), "passthrough/mapped")
}

func TestAllowlist(t *testing.T) {
	cfg := passthrough.DefaultConfig()
	if err := cfg.Allow.Set("(*passthrough/allow.Gateway).ServeHTTP, passthrough/allow.Mirror*"); err != nil {
		t.Fatal(err)
	}
	checktest.Run(t, passthrough.NewAnalyzer(cfg), "passthrough/allow")
}
