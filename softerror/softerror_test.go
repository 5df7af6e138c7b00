package softerror_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/upstreamlint/upstreamlint/internal/checktest"
	"github.com/upstreamlint/upstreamlint/softerror"
)

// defaultCases are the test data packages the check is tested on with
// its default settings, beside frameworkCases.
var defaultCases = checktest.Cases{
	"softerror/nethttp": "net/http handlers",
	// Shapes of false positives seen on public repositories (docs/measurements.md).
	"softerror/realfp/...": "silent shapes of real code",
	// Envelopes that say failure and carry no data (issue 15).
	"softerror/envelope": "failure envelopes",
	// Envelopes built by a constructor of the package.
	"softerror/constructor": "envelopes built by constructors",
	// Envelopes built by helpers from their parameters: reported once, in
	// the helper that passes the failure code and no data (issue 15, part 2).
	"softerror/envelopehelper/...": "envelope helpers",
	// Installed framework error handlers answer the request themselves
	// (issue 15, part 3).
	"softerror/errorhandler":  "installed error handlers",
	"softerror/errorhandler2": "installed error handlers, other frameworks",
	// http.Error and AbortWithStatusJSON with 200 (issue 15, part 3).
	"softerror/explicit200": "an explicit status 200",
	// A dynamic call of the module handed the writer may write the status.
	"softerror/opaque": "opaque writer calls",
}

// TestDefaultConfig runs the check with its default settings on every
// case, in one analysistest run (-case=REGEXP picks some).
func TestDefaultConfig(t *testing.T) {
	checktest.RunCases(t, softerror.NewAnalyzer(softerror.DefaultConfig()), false, defaultCases, frameworkCases)
}

// TestDefaultFixes checks the default settings' fixes against the
// .golden files.
func TestDefaultFixes(t *testing.T) {
	fixes := checktest.Cases{
		"softerror/fix": "a status written before the error body",
		// The fix of a helper envelope: the helper sends a status derived
		// from the code it is given, and keeps its body.
		"softerror/envelopefix": "a helper envelope's status",
	}
	checktest.RunCases(t, softerror.NewAnalyzer(softerror.DefaultConfig()), true, fixes, frameworkFixCases)
}

func TestConfiguredKeys(t *testing.T) {
	a := softerror.NewAnalyzer(softerror.DefaultConfig())
	if err := a.Flags.Set("errorkeys", "problem"); err != nil {
		t.Fatal(err)
	}
	checktest.Run(t, a, "softerror/keys")
}

// A team that keeps the business-code convention on purpose turns the
// envelope rule off with one setting: softerror/envelopeoff has no
// expectations, so every finding is an error of the run.
func TestEnvelopesOff(t *testing.T) {
	on := &checktest.Recorder{}
	analysistest.Run(on, checktest.Testdata(t), softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/envelopeoff")
	assert.Len(t, on.Errs, 2, "with the default, both envelopes are reported: %v", on.Errs)

	a := softerror.NewAnalyzer(softerror.DefaultConfig())
	require.NoError(t, a.Flags.Set("envelopes", "false"))
	checktest.Run(t, a, "softerror/envelopeoff")
}

func TestEnvelopeKeys(t *testing.T) {
	a := softerror.NewAnalyzer(softerror.DefaultConfig())
	assert.Contains(t, a.Flags.Lookup("flagkeys").Value.String(), "success")
	assert.Contains(t, a.Flags.Lookup("statuskeys").Value.String(), "errcode")
	assert.Contains(t, a.Flags.Lookup("datakeys").Value.String(), "data")
	require.Error(t, a.Flags.Set("datakeys", "my data"))
	require.Error(t, a.Flags.Set("envelopes", "maybe"))
	require.NoError(t, a.Flags.Set("flagkeys", "isOK"))
	assert.Equal(t, "isok", a.Flags.Lookup("flagkeys").Value.String())
}
