package upstreamlint

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/upstreamlint/upstreamlint/analyzer"
)

func TestLintRun(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"run", "./..."}, true},
		{[]string{"--color=never", "run"}, true},
		{[]string{"linters"}, false},
		{[]string{"formatters", "run"}, false},
		{nil, false},
	} {
		assert.Equal(t, tc.want, lintRun(tc.args), "%q", tc.args)
	}
}

// A function setting that does not resolve is worded as the plugin's
// other errors of its settings, naming the key; other errors are left
// as they are.
func TestSettingError(t *testing.T) {
	setting := &analyzer.SettingError{Setting: "passthrough.mapper", Value: "example.com/x.F", Reason: "package example.com/x cannot be loaded: no required module provides package example.com/x"}
	assert.EqualError(t, settingError(fmt.Errorf("wrapped: %w", setting)),
		"upstreamlint settings: passthrough.mapper: example.com/x.F: package example.com/x cannot be loaded: no required module provides package example.com/x")
	other := errors.New("the whole program of module example.com/m: go list failed")
	assert.Same(t, other, settingError(other))
	assert.NoError(t, settingError(nil))
}
