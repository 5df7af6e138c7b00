package format

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSummary(t *testing.T) {
	fix := []Fix{{Message: "Fix it"}}
	mk := func(check string, generated bool, fixes []Fix) *Finding {
		return &Finding{Check: check, Fixes: fixes, Generated: generated}
	}
	assert.Equal(t, "", Summary(nil, 0), "a clean run prints nothing")
	assert.Equal(t, "1 finding: 1 leak; 0 fixable with -fix", Summary([]*Finding{mk("leak", false, nil)}, 0))
	fs := []*Finding{
		mk("marker", false, fix), mk("leak", false, fix), mk("leak", false, nil),
		mk("leak", true, fix), // a fix in a generated file is never applied
	}
	assert.Equal(t, "4 findings: 3 leak, 1 marker; 2 fixable with -fix", Summary(fs, 0))
	assert.Equal(t, "1 finding: 1 leak; 0 fixable with -fix; 2 suppressed by the baseline", Summary([]*Finding{mk("leak", false, nil)}, 2))
	assert.Equal(t, "0 findings; 5 suppressed by the baseline", Summary(nil, 5))
}
