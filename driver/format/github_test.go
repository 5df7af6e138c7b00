package format

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestGitHubEscape checks GitHub's escaping of workflow commands: % CR
// LF in the message, and also : and , in property values.
func TestGitHubEscape(t *testing.T) {
	assert.Equal(t, "100%25 sure: a, b%0D%0Anext", escapeData("100% sure: a, b\r\nnext"))
	assert.Equal(t, "a%3Ab%2Cc%25d%0Ae%0Df", escapeProperty("a:b,c%d\ne\rf"))
	assert.Equal(t, "%2525", escapeData("%25"), "escaped once, not twice")
}
