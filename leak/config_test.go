package leak_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/leak"
)

func TestInstancesDoNotShareFlags(t *testing.T) {
	a := leak.NewAnalyzer(leak.DefaultConfig())
	b := leak.NewAnalyzer(leak.DefaultConfig())
	require.NoError(t, a.Flags.Set("publicmsg", "example.com/apierr.Public"))
	assert.Equal(t, "example.com/apierr.Public", a.Flags.Lookup("publicmsg").Value.String())
	assert.Equal(t, "", b.Flags.Lookup("publicmsg").Value.String())
	assert.Equal(t, "", leak.Analyzer.Flags.Lookup("publicmsg").Value.String())
}

func TestBadFlags(t *testing.T) {
	a := leak.NewAnalyzer(leak.DefaultConfig())
	err := a.Flags.Set("publicmsg", "apierr.public")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "malformed function name")
	assert.Error(t, a.Flags.Set("allow", "example.com/...x"))
	err = analyzer.New(analyzer.DefaultConfig()).Analyzer.Flags.Set("deps", "github.com/redis/...")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "malformed import path")
}
