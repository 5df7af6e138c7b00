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
// packages. Only packages analysed from source allocate much: a run that
// reads every package from the results cache keeps the base GOGC (on
// seaweedfs its heap passes largeHeap too; it allocates too little for
// the collector to cost it much, but nothing is gained there either).
type gcPolicy struct {
	mu     sync.Mutex
	base   int  // the run's GOGC for a small heap
	cur    int  // the GOGC in effect
	source bool // a package is being or has been analysed from source
	done   bool // the run is over: the policy no longer sets GOGC
	before int  // the process's GOGC before the run
}

// newGCPolicy sets the run's GOGC to base and starts the policy; a nil
// *gcPolicy (the environment sets GOGC) does nothing.
func newGCPolicy(base int) *gcPolicy {
	g := &gcPolicy{base: base, cur: base, before: debug.SetGCPercent(base)}
	g.arm()
	return g
}

// analysing tells the policy that a package is analysed from source.
func (g *gcPolicy) analysing() {
	if g == nil {
		return
	}
	g.mu.Lock()
	g.source = true
	g.mu.Unlock()
}

// stop ends the policy and gives the process back the GOGC it had.
func (g *gcPolicy) stop() {
	if g == nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.done = true
	debug.SetGCPercent(g.before)
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
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.done {
		return false
	}
	pct := g.base
	if g.source && live > largeHeap {
		pct = min(pct, largeHeapGCPercent)
	}
	if pct != g.cur {
		g.cur = pct
		debug.SetGCPercent(pct)
	}
	return true
}
