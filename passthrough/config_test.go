package passthrough_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/upstreamlint/upstreamlint/passthrough"
)

func TestInstancesDoNotShareFlags(t *testing.T) {
	a := passthrough.NewAnalyzer(passthrough.DefaultConfig())
	b := passthrough.NewAnalyzer(passthrough.DefaultConfig())
	require.NoError(t, a.Flags.Set("mapper", "example.com/svc/httperr.FromUpstream"))
	assert.Equal(t, "example.com/svc/httperr.FromUpstream", a.Flags.Lookup("mapper").Value.String())
	assert.Equal(t, "", b.Flags.Lookup("mapper").Value.String())
	assert.Equal(t, "", passthrough.Analyzer.Flags.Lookup("mapper").Value.String())
}

func TestMapperFlag(t *testing.T) {
	a := passthrough.NewAnalyzer(passthrough.DefaultConfig())
	for _, bad := range []string{"FromUpstream", "example.com/svc/httperr", "example.com/svc/httperr.", "example.com/svc/httperr.fromUpstream", "example.com/svc/httperr.From-Upstream", "/abs.F"} {
		err := a.Flags.Set("mapper", bad)
		if assert.Error(t, err, bad) {
			assert.Contains(t, err.Error(), "malformed function name")
		}
	}
	require.NoError(t, a.Flags.Set("mapper", "example.com/svc/v2/httperr.FromUpstream"))
	assert.Equal(t, "example.com/svc/v2/httperr.FromUpstream", a.Flags.Lookup("mapper").Value.String())
}

func TestAllowFlag(t *testing.T) {
	a := passthrough.NewAnalyzer(passthrough.DefaultConfig())
	require.NoError(t, a.Flags.Set("allow", "example.com/gw/...,example.com/api.Proxy*"))
	require.NoError(t, a.Flags.Set("allow", "(*example.com/api.Mirror).ServeHTTP"))
	assert.Equal(t, "example.com/gw/...,example.com/api.Proxy*,(*example.com/api.Mirror).ServeHTTP", a.Flags.Lookup("allow").Value.String())
	assert.Error(t, a.Flags.Set("allow", "example.com/...gw"))
	assert.Error(t, a.Flags.Set("allow", "a b"))
}
