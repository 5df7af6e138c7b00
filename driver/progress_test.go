package driver

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProgressOnlyOnTerminals(t *testing.T) {
	assert.Nil(t, startProgress(&bytes.Buffer{}, "upstreamlint"), "a buffer is not a terminal")
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	require.NoError(t, err)
	defer f.Close()
	assert.Nil(t, startProgress(f, "upstreamlint"), "a regular file is not a terminal")
	var p *progress
	p.set("loading packages") // nil: no-ops
	p.stop()
}

func TestProgressLine(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, name: "upstreamlint", done: make(chan struct{})}
	p.set("loading packages")
	p.draw()
	p.draw() // unchanged: not drawn again
	p.set("analysing packages")
	p.draw()
	p.stop()
	assert.Equal(t, "\r\033[Kupstreamlint: loading packages\r\033[Kupstreamlint: analysing packages\r\033[K", buf.String())
}
