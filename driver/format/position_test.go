package format

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUTF16Len(t *testing.T) {
	assert.Equal(t, 0, utf16Len(nil))
	assert.Equal(t, 3, utf16Len([]byte("abc")))
	assert.Equal(t, 1, utf16Len([]byte("ü"))) // 2 bytes
	assert.Equal(t, 1, utf16Len([]byte("€"))) // 3 bytes
	assert.Equal(t, 2, utf16Len([]byte("😀"))) // 4 bytes, a surrogate pair
	assert.Equal(t, 2, utf16Len([]byte{0xff, 'a'}))
}
