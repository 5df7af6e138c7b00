package softerror_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/upstreamlint/upstreamlint/softerror"
)

func TestInstancesDoNotShareKeys(t *testing.T) {
	cfg := softerror.DefaultConfig()
	a := softerror.NewAnalyzer(cfg)
	b := softerror.NewAnalyzer(cfg)
	require.NoError(t, a.Flags.Set("errorkeys", "problem,Fault"))
	assert.Equal(t, "fault,problem", a.Flags.Lookup("errorkeys").Value.String())
	assert.Contains(t, b.Flags.Lookup("errorkeys").Value.String(), "error")
	assert.Contains(t, softerror.Analyzer.Flags.Lookup("errorkeys").Value.String(), "error")
	assert.Contains(t, cfg.ErrorKeys.String(), "error", "NewAnalyzer copies the key sets")
}

func TestBadKeys(t *testing.T) {
	a := softerror.NewAnalyzer(softerror.DefaultConfig())
	assert.Error(t, a.Flags.Set("errorkeys", " , "))
	err := a.Flags.Set("metakeys", `trace id`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "malformed key")
}
