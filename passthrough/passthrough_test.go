package passthrough_test

import (
	"errors"
	"go/types"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	upstreamfacts "github.com/upstreamlint/upstreamlint/analyzer"
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

// TestMapperThatDoesNotResolve: a fix never calls a mapper that is not
// a func(int) int of the build. Where the package imports the mapper's
// package, its types say so; elsewhere the shared analysis' FuncLoader
// loads it, in the hosts that give one (go vet, golangci-lint), and
// without one (nogo; the standalone runner checks the settings itself)
// the fix is offered as configured. The analysis fails with an error
// that names the setting.
func TestMapperThatDoesNotResolve(t *testing.T) {
	run := func(shared *upstreamfacts.Shared, mapper, pkg string) error {
		t.Helper()
		cfg := passthrough.DefaultConfig()
		require.NoError(t, cfg.Mapper.Set(mapper))
		graph, err := checker.Analyze([]*analysis.Analyzer{passthrough.New(shared.Analyzer, cfg)}, checktest.Load(t, pkg), nil)
		require.NoError(t, err)
		var errs []error
		for _, act := range graph.Roots {
			if act.Analyzer.Name == passthrough.Name && act.Err != nil {
				errs = append(errs, act.Err)
			}
		}
		return errors.Join(errs...)
	}
	fresh := func() *upstreamfacts.Shared { return upstreamfacts.New(upstreamfacts.DefaultConfig()) }

	err := run(fresh(), "example.com/httperr.FromUpstrem", "passthrough/mapperimports")
	require.Error(t, err)
	assert.Equal(t, "-passthrough.mapper=example.com/httperr.FromUpstrem: package example.com/httperr has no function FromUpstrem (did you mean FromUpstream?)", err.Error())
	var setting *upstreamfacts.SettingError
	assert.ErrorAs(t, err, &setting)
	require.NoError(t, run(fresh(), "example.com/httperr.FromUpstream", "passthrough/mapperimports"))

	// fixmapper does not import example.com/httperr
	require.NoError(t, run(fresh(), "example.com/nosuch.Map", "passthrough/fixmapper"), "no loader: taken as it is")
	loaded := 0
	loader := func(dir, path string) (*types.Package, error) {
		loaded++
		assert.DirExists(t, dir, "the directory of the package analysed")
		if path == "example.com/nosuch" {
			return nil, errors.New("no required module provides package example.com/nosuch")
		}
		return types.NewPackage(path, "httperr"), nil // declares nothing
	}
	sh := fresh()
	sh.SetFuncLoader(loader)
	err = run(sh, "example.com/nosuch.Map", "passthrough/fixmapper")
	assert.EqualError(t, err, "-passthrough.mapper=example.com/nosuch.Map: package example.com/nosuch cannot be loaded: no required module provides package example.com/nosuch")
	err = run(sh, "example.com/httperr.FromUpstream", "passthrough/fixmapper")
	assert.EqualError(t, err, "-passthrough.mapper=example.com/httperr.FromUpstream: package example.com/httperr has no function FromUpstream")
	assert.Equal(t, 2, loaded, "one load per package path and instance")
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
