package runner

import (
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestGCPolicy(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	run := newGCPolicy(50)
	require.Equal(t, 50, debug.SetGCPercent(50))

	// tune is what each collection's tick calls
	g := &gcPolicy{base: 50, cur: 50}
	require.True(t, g.tune(largeHeap+1))
	require.Equal(t, 50, debug.SetGCPercent(50), "a large heap, every package from the cache")
	g.analysing()
	require.True(t, g.tune(largeHeap+1))
	require.Equal(t, largeHeapGCPercent, debug.SetGCPercent(largeHeapGCPercent), "a large heap")
	require.True(t, g.tune(largeHeap-1))
	require.Equal(t, 50, debug.SetGCPercent(50), "a small heap again")

	// a base under largeHeapGCPercent (a host's) is kept
	low := &gcPolicy{base: 10, cur: 10, source: true}
	debug.SetGCPercent(10)
	require.True(t, low.tune(largeHeap+1))
	require.Equal(t, 10, debug.SetGCPercent(10))

	run.stop()
	require.Equal(t, 100, debug.SetGCPercent(100), "the GOGC from before the run")
	g.done = true
	require.False(t, g.tune(largeHeap+1), "tuned after the run")
	require.Equal(t, 100, debug.SetGCPercent(100))
}
