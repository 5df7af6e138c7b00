package runner

import (
	"os"
	"sync"
)

// What is live while packages are analysed is, past the types kept for
// the whole run, mostly the packages being analysed: their syntax, full
// types.Info, SSA and the engine's state, which grow with their source.
// On seaweedfs, a 3 MB package (s3api's test variant) and its 1.8 MB
// non-test variant analysed at once took 200 MB of the 506 MB the heap
// held at its peak. The gate keeps the Go source being analysed at once
// under a budget, so that the largest packages do not meet: a package
// whose source would take the total past it waits until the others are
// done, and the packages run in the order they asked. One package is
// always let through, however large. Small packages, most of any
// program, never wait for each other.

// gateBudgetPerCPU is the budget of Go source analysed at once, per CPU
// the run uses, with gateBudgetMin as the least. On 2 CPUs, 2 MiB: the
// 1 MB packages of a large service run two at a time, and a package
// twice that size runs beside packages of a few hundred KB only.
const (
	gateBudgetPerCPU = 1 << 20
	gateBudgetMin    = 2 << 20
)

// A sourceGate admits packages while the Go source they hold stays under
// its budget, in the order they asked.
type sourceGate struct {
	mu      sync.Mutex
	cond    *sync.Cond
	budget  int64
	used    int64  // the source of the packages admitted and not done
	tickets uint64 // the next ticket handed out
	serving uint64 // the ticket admitted next
}

func newSourceGate(procs int) *sourceGate {
	g := &sourceGate{budget: max(int64(procs)*gateBudgetPerCPU, gateBudgetMin)}
	g.cond = sync.NewCond(&g.mu)
	return g
}

// enter waits until a package of size bytes of source can be analysed:
// every package that asked before it has been admitted, and it fits in
// the budget beside those being analysed (or none is). Its size must be
// given back with leave.
func (g *sourceGate) enter(size int64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	t := g.tickets
	g.tickets++
	for t != g.serving || (g.used > 0 && g.used+size > g.budget) {
		g.cond.Wait()
	}
	g.serving++
	g.used += size
	g.cond.Broadcast() // the next ticket may fit too
}

// leave gives back what enter took.
func (g *sourceGate) leave(size int64) {
	g.mu.Lock()
	g.used -= size
	g.mu.Unlock()
	g.cond.Broadcast()
}

// sourceSize is the size of a package's Go files as go list first lists
// them (a cgo package's generated files are not among them: its own files
// stand for it), as the file system gives it; a file it cannot stat
// counts for nothing (parsing says why).
func sourceSize(files []string) int64 {
	var n int64
	for _, name := range files {
		if fi, err := os.Stat(name); err == nil {
			n += fi.Size()
		}
	}
	return n
}
