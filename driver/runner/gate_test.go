package runner

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// admitted enters g with size in a goroutine and returns a channel closed
// once it is admitted.
func admitted(g *sourceGate, size int64) chan struct{} {
	c := make(chan struct{})
	go func() {
		g.enter(size)
		close(c)
	}()
	return c
}

func isClosed(c chan struct{}) bool {
	select {
	case <-c:
		return true
	case <-time.After(50 * time.Millisecond):
		return false
	}
}

// waitQueued waits until n enters have taken their tickets.
func waitQueued(t *testing.T, g *sourceGate, n uint64) {
	t.Helper()
	require.Eventually(t, func() bool {
		g.mu.Lock()
		defer g.mu.Unlock()
		return g.tickets == n
	}, 5*time.Second, time.Millisecond)
}

func TestSourceGate(t *testing.T) {
	g := newSourceGate(2)
	require.Equal(t, int64(gateBudgetMin), g.budget, "2 CPUs: the least budget")
	require.Equal(t, int64(8*gateBudgetPerCPU), newSourceGate(8).budget)

	// Small packages run together while they fit.
	a := admitted(g, 600<<10)
	require.True(t, isClosed(a))
	b := admitted(g, 600<<10)
	require.True(t, isClosed(b))

	// A package that does not fit beside them waits…
	big := admitted(g, 3<<20)
	waitQueued(t, g, 3)
	require.False(t, isClosed(big), "admitted past the budget")
	// …and so does a small one that asked after it: the order is kept.
	small := admitted(g, 1<<10)
	waitQueued(t, g, 4)
	g.leave(600 << 10)
	require.False(t, isClosed(big), "admitted beside a package")
	require.False(t, isClosed(small), "admitted before the package that asked first")

	// Alone, a package larger than the budget runs.
	g.leave(600 << 10)
	require.True(t, isClosed(big))
	require.False(t, isClosed(small), "admitted beside a package past the budget")
	g.leave(3 << 20)
	require.True(t, isClosed(small))
	g.leave(1 << 10)
	require.Zero(t, g.used)
}

// Many packages through the gate: it never holds more than its budget
// but for one package alone, and every package gets through.
func TestSourceGateStress(t *testing.T) {
	g := newSourceGate(2)
	sizes := []int64{1 << 10, 900 << 10, 3 << 20, 100 << 10, 1500 << 10, 40 << 10, 2 << 20, 700 << 10}
	var mu sync.Mutex
	var inside, most int64
	var over bool
	var wg sync.WaitGroup
	for i := range 200 {
		size := sizes[i%len(sizes)]
		wg.Add(1)
		go func() {
			defer wg.Done()
			g.enter(size)
			mu.Lock()
			if inside > 0 && inside+size > g.budget {
				over = true
			}
			inside += size
			most = max(most, inside)
			mu.Unlock()
			time.Sleep(time.Millisecond)
			mu.Lock()
			inside -= size
			mu.Unlock()
			g.leave(size)
		}()
	}
	wg.Wait()
	require.False(t, over, "the gate let in more than its budget")
	require.Greater(t, most, int64(900<<10), "no two packages ever ran at once")
	require.Zero(t, g.used)
}
