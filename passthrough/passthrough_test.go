package passthrough_test

import (
	"testing"

	"github.com/upstreamlint/upstreamlint/internal/checktest"
	"github.com/upstreamlint/upstreamlint/passthrough"
)

func TestNetHTTP(t *testing.T) {
	checktest.Run(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/nethttp")
	checktest.Run(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/httpdoer")
}

func TestFixDefaultMapper(t *testing.T) {
	checktest.RunWithSuggestedFixes(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/fix")
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

func TestPartialMapperUnconfigured(t *testing.T) {
	checktest.Run(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/mappedunconfigured")
}

func TestFactsAcrossPackages(t *testing.T) {
	checktest.Run(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/crosspkg")
}

func TestIgnoreDirectives(t *testing.T) {
	checktest.Run(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/suppress", "passthrough/suppressfile")
}

func TestAllowlist(t *testing.T) {
	cfg := passthrough.DefaultConfig()
	if err := cfg.Allow.Set("(*passthrough/allow.Gateway).ServeHTTP, passthrough/allow.Mirror*"); err != nil {
		t.Fatal(err)
	}
	checktest.Run(t, passthrough.NewAnalyzer(cfg), "passthrough/allow")
}

func TestProxyThroughUnknownHelper(t *testing.T) {
	checktest.Run(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/ginproxy")
}

// Shapes of false positives seen on public repositories (docs/measurements.md).
func TestRealCodeShapes(t *testing.T) {
	checktest.Run(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/realfp/...")
}

// The transparent-proxy rule looks at one response path, not at the
// whole function.
func TestProxyPerPath(t *testing.T) {
	checktest.Run(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/proxypath")
}

// The status of an HTTP client library's response is an upstream status.
func TestRestyResponse(t *testing.T) {
	checktest.Run(t, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/resty")
}
