package softerror_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/upstreamlint/upstreamlint/softerror"
)

// TestInstancesDoNotShareKeys: analyzers made from one Config do not
// share its key sets, which are maps: New clones them. That flags of
// every check's instances are their own is checks'
// TestInstancesDoNotShareFlags.
func TestInstancesDoNotShareKeys(t *testing.T) {
	cfg := softerror.DefaultConfig()
	a := softerror.NewAnalyzer(cfg)
	b := softerror.NewAnalyzer(cfg)
	require.NoError(t, a.Flags.Set("errorkeys", "problem,Fault"))
	assert.Equal(t, "fault,problem", a.Flags.Lookup("errorkeys").Value.String())
	assert.Contains(t, b.Flags.Lookup("errorkeys").Value.String(), "error")
	assert.Contains(t, cfg.ErrorKeys.String(), "error", "NewAnalyzer copies the key sets")
}
