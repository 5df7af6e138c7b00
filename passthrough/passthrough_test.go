package passthrough_test

import (
	"errors"
	"go/types"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	upstreamfacts "github.com/upstreamlint/upstreamlint/analyzer"
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
	// HTTP responses by their shape: forks of net/http, client libraries.
	"passthrough/clientforks": "HTTP clients that are not net/http",
	// Typed responses of generated servers, written by generated code.
	"passthrough/generated": "generated servers' typed responses",
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

// TestConfiguredMapper: the fixes call the configured mapper, and a
// status it returns is trusted (in one run).
func TestConfiguredMapper(t *testing.T) {
	checktest.RunCases(t, passthrough.NewAnalyzer(withMapper(t)), true, checktest.Cases{
		"passthrough/fixmapper": "fixes that call the mapper",
		"passthrough/mapped":    "statuses the mapper returned",
	})
}

// TestMapperThatDoesNotResolve: a fix never calls a mapper that is not
// a func(int) int of the build. Where the package imports the mapper's
// package, its types say so; elsewhere the shared analysis' FuncLoader
// loads it, in the hosts that give one (go vet, golangci-lint), and
// without one (nogo; the standalone runner checks the settings itself)
// the fix is offered as configured. The analysis fails with an error
// that names the setting.
func TestMapperThatDoesNotResolve(t *testing.T) {
	loaded := make(map[string][]*packages.Package) // each package loaded once: analyses do not change them
	run := func(shared *upstreamfacts.Shared, mapper, pkg string) error {
		t.Helper()
		cfg := passthrough.DefaultConfig()
		require.NoError(t, cfg.Mapper.Set(mapper))
		if loaded[pkg] == nil {
			loaded[pkg] = checktest.Load(t, pkg)
		}
		graph, err := checker.Analyze([]*analysis.Analyzer{passthrough.New(shared.Analyzer, cfg)}, loaded[pkg], nil)
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
	loads := 0
	loader := func(dir, path string) (*types.Package, error) {
		loads++
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
	assert.Equal(t, 2, loads, "one load per package path and instance")
}

func TestAllowlist(t *testing.T) {
	cfg := passthrough.DefaultConfig()
	if err := cfg.Allow.Set("(*passthrough/allow.Gateway).ServeHTTP, passthrough/allow.Mirror*"); err != nil {
		t.Fatal(err)
	}
	checktest.Run(t, passthrough.NewAnalyzer(cfg), "passthrough/allow")
}
