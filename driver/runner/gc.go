package runner

import (
	"runtime"
	"runtime/debug"
	"sync"
)

// The run's collector. Most of what a run allocates dies with the
// package it was allocated for, while the types of the dependencies stay
// for the whole run, and they are what makes a large program's heap
// large. The peak RSS of a run is about (1 + GOGC/100) × 1.1 times its
// live heap (the collector's goal, and what the runtime keeps before it
// returns memory to the system): at GOGC=50, 1.65 to 1.75 times. On a
// small program that is little memory, and collecting less often saves
// CPU; on a large one the memory is what a CI runner runs out of. So the
// runner collects at largeHeapGCPercent once the live heap is past
// largeHeap.
//
// Measured cold, results cache empty, quiet machine with 2 CPUs (CPU s,
// peak RSS MiB), at a fixed GOGC:
//
//	           GOGC=50       35           25
//	seaweedfs  88, 662    108, 583    119, 545
//	kubeapps   22, 298     27, 291     32, 255
//
// A run whose live heap stays under largeHeap keeps GOGC=50 and its
// speed.
const (
	largeHeap          = 96 << 20
	largeHeapGCPercent = 25
)

// gcPolicy sets the run's GOGC from its live heap after each
// collection: a package's analysis can take the heap past largeHeap by
// itself (k8s' core/v1 on kubeapps), so it is not enough to look between
// packages.
type gcPolicy struct {
	mu   sync.Mutex
	base int  // the run's GOGC for a small heap
	cur  int  // the GOGC in effect
	done bool // the run is over: the policy no longer sets GOGC
}

// newGCPolicy sets the run's GOGC to base and returns a function that
// stops the policy and gives the process back the GOGC it had.
func newGCPolicy(base int) func() {
	before := debug.SetGCPercent(base)
	g := &gcPolicy{base: base, cur: base}
	g.arm()
	return func() {
		g.mu.Lock()
		g.done = true
		debug.SetGCPercent(before)
		g.mu.Unlock()
	}
}

// A gcTick is garbage as soon as it is made: its finalizer runs after the
// next collection, tunes GOGC and makes the next tick. (It holds a
// pointer: an object without pointers and smaller than 16 bytes may
// share its memory with others and never be finalised.)
type gcTick struct{ g *gcPolicy }

func (g *gcPolicy) arm() {
	runtime.SetFinalizer(&gcTick{g}, func(t *gcTick) {
		if t.g.tune(liveHeap()) {
			t.g.arm()
		}
	})
}

// tune sets GOGC for a live heap of live bytes; it reports false once
// the run is over.
func (g *gcPolicy) tune(live int64) bool {
	pct := g.base
	if live > largeHeap {
		pct = min(pct, largeHeapGCPercent)
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.done {
		return false
	}
	if pct != g.cur {
		g.cur = pct
		debug.SetGCPercent(pct)
	}
	return true
}
