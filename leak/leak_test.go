package leak_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/internal/checktest"
	"github.com/upstreamlint/upstreamlint/leak"
)

func TestNetHTTP(t *testing.T) {
	checktest.Run(t, leak.NewAnalyzer(leak.DefaultConfig()), "leak/nethttp")
}

func TestFixStatusText(t *testing.T) {
	checktest.RunWithSuggestedFixes(t, leak.NewAnalyzer(leak.DefaultConfig()), "leak/fix")
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

// Shapes of false positives seen on public repositories (docs/measurements.md).
func TestRealCodeShapes(t *testing.T) {
	checktest.Run(t, leak.NewAnalyzer(leak.DefaultConfig()), "leak/realfp/...")
}

// Shapes of leaks the corpus study found missed (docs/measurements.md).
func TestRealCodeMisses(t *testing.T) {
	checktest.Run(t, leak.NewAnalyzer(leak.DefaultConfig()), "leak/realmiss/...")
}

// Code whose SSA has cycles (self-stores, phi loops, recursive types,
// recursive summaries, self-capturing closures): the check must end, and
// report what it reports on the same code without the cycle.
func TestCycles(t *testing.T) {
	checktest.Run(t, leak.NewAnalyzer(leak.DefaultConfig()), "leak/cycles")
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

// An upstream error body is a proxy's only when written whole with the
// status of its response on one path.
func TestProxyPerPath(t *testing.T) {
	checktest.Run(t, leak.NewAnalyzer(leak.DefaultConfig()), "leak/proxypath")
}

// The dependency libraries services use are known without configuration.
func TestLibraries(t *testing.T) {
	checktest.Run(t, leak.NewAnalyzer(leak.DefaultConfig()), "leak/libraries")
}

// The server-error status rule (issue 13): errors of unknown origin sent
// with a 5xx, helpers reported once where the fix belongs, helpers that
// drop the text for 5xx.
func TestServerErrorStatus(t *testing.T) {
	checktest.Run(t, leak.NewAnalyzer(leak.DefaultConfig()), "leak/servererror/...")
}

// Details shown only in a debug mode, errors of our own types and error
// wrappers whose Error method shows a public message are decisions:
// silent. Each return of a function with a defer returns its own value.
func TestDecisions(t *testing.T) {
	checktest.Run(t, leak.NewAnalyzer(leak.DefaultConfig()), "leak/debugonly", "leak/deferresults", "leak/restpayload")
}
