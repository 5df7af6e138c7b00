package driver

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/upstreamlint/upstreamlint/driver/runner"

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
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	now := start
	p := &progress{w: &buf, name: "upstreamlint", start: start, now: func() time.Time { return now }, done: make(chan struct{})}
	p.set(runner.PhaseLoading)
	now = now.Add(2500 * time.Millisecond)
	p.draw()
	p.draw() // unchanged: not drawn again
	now = now.Add(10 * time.Second)
	p.draw() // loading for long: maybe downloading
	p.set("analysing packages: 812/2350, 37 from the cache")
	p.draw()
	p.stop()
	assert.Equal(t, "\r\033[Kupstreamlint: loading packages (2s)"+
		"\r\033[Kupstreamlint: loading packages (12s); go list may be downloading modules or a Go toolchain"+
		"\r\033[Kupstreamlint: analysing packages: 812/2350, 37 from the cache (12s)\r\033[K", buf.String())
}

// TestProgressCounts checks that the runner tells the progress line how
// many packages are done, ending with all of them.
func TestProgressCounts(t *testing.T) {
	var phases []string
	var mu sync.Mutex
	_, err := runner.Run(runner.Config{Dir: fixture(t), Patterns: []string{"./..."}, Analyzers: []*analysis.Analyzer{marker}, NoCache: true, Progress: func(phase string) {
		mu.Lock()
		phases = append(phases, phase)
		mu.Unlock()
	}})
	require.NoError(t, err)
	require.NotEmpty(t, phases)
	assert.Equal(t, runner.PhaseLoading, phases[0])
	last := phases[len(phases)-1]
	total := regexp.MustCompile(`^analysing packages: (\d+)/(\d+), 0 from the cache$`).FindStringSubmatch(last)
	require.NotNil(t, total, "%q", phases)
	assert.Equal(t, total[1], total[2], "every package done: %q", phases)
}
