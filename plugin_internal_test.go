package upstreamlint

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
