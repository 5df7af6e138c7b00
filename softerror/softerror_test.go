package softerror_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/upstreamlint/upstreamlint/internal/checktest"
	"github.com/upstreamlint/upstreamlint/softerror"
)

func TestNetHTTP(t *testing.T) {
	checktest.Run(t, softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/nethttp")
}

func TestFix(t *testing.T) {
	checktest.RunWithSuggestedFixes(t, softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/fix")
}

func TestConfiguredKeys(t *testing.T) {
	a := softerror.NewAnalyzer(softerror.DefaultConfig())
	if err := a.Flags.Set("errorkeys", "problem"); err != nil {
		t.Fatal(err)
	}
	checktest.Run(t, a, "softerror/keys")
}

// Shapes of false positives seen on public repositories (docs/measurements.md).
func TestRealCodeShapes(t *testing.T) {
	checktest.Run(t, softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/realfp/...")
}

// Envelopes that say failure and carry no data (issue 15).
func TestEnvelopes(t *testing.T) {
	checktest.Run(t, softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/envelope")
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

// Envelopes built by helpers from their parameters: reported once, in the
// helper that passes the failure code and no data (issue 15, part 2).
func TestEnvelopeHelpers(t *testing.T) {
	checktest.Run(t, softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/envelopehelper/...")
}

// Installed framework error handlers answer the request themselves
// (issue 15, part 3).
func TestErrorHandlers(t *testing.T) {
	checktest.Run(t, softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/errorhandler2")
	checktest.Run(t, softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/errorhandler")
}

// http.Error and AbortWithStatusJSON with 200 (issue 15, part 3).
func TestExplicit200(t *testing.T) {
	checktest.Run(t, softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/explicit200")
}

// A dynamic call of the module handed the writer may write the status.
func TestOpaqueWriterCalls(t *testing.T) {
	checktest.Run(t, softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/opaque")
}

// The fix of a helper envelope: the helper sends a status derived from
// the code it is given, and keeps its body.
func TestEnvelopeHelperFix(t *testing.T) {
	checktest.RunWithSuggestedFixes(t, softerror.NewAnalyzer(softerror.DefaultConfig()), "softerror/envelopefix")
}
