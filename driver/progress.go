package driver

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/upstreamlint/upstreamlint/driver/runner"
)

// progressDelay is how long a run goes before the progress line shows:
// short runs print nothing extra.
const progressDelay = 2 * time.Second

// slowLoad is how long loading goes before the progress line says what
// may be taking the time: the go command downloading modules or a Go
// toolchain (GOTOOLCHAIN), which it does silently under go list.
const slowLoad = 10 * time.Second

// A progress is the one-line indicator a long run shows on a terminal:
// the phase, while analysing the packages done, and the time spent. It is
// nil (and every method a no-op) when stderr is not a terminal or with -q.
type progress struct {
	w     io.Writer
	name  string
	start time.Time
	now   func() time.Time

	mu    sync.Mutex
	what  string
	shown bool
	last  string // the line drawn last: drawn again only when it changes

	done chan struct{}
	wg   sync.WaitGroup
}

// startProgress starts the indicator on w if w is a terminal. w must be
// unbuffered (the report's own buffered stderr is flushed after stop).
func startProgress(w io.Writer, name string) *progress {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("TERM") == "dumb" {
		return nil
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	p := &progress{w: w, name: name, start: time.Now(), now: time.Now, done: make(chan struct{})}
	p.wg.Add(1)
	go p.loop()
	return p
}

func (p *progress) loop() {
	defer p.wg.Done()
	select {
	case <-p.done:
		return
	case <-time.After(progressDelay):
	}
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for {
		p.draw()
		select {
		case <-p.done:
			return
		case <-tick.C:
		}
	}
}

func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	elapsed := p.now().Sub(p.start)
	line := fmt.Sprintf("%s: %s (%s)", p.name, p.what, elapsed.Truncate(time.Second))
	if p.what == runner.PhaseLoading && elapsed >= slowLoad {
		line += "; go list may be downloading modules or a Go toolchain"
	}
	if line == p.last {
		return
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.shown, p.last = true, line
}

// set names the phase the run is in.
func (p *progress) set(what string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.what = what
}

// stop ends the indicator and clears its line.
func (p *progress) stop() {
	if p == nil {
		return
	}
	close(p.done)
	p.wg.Wait()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// writeTimings prints, for -v, the analysis time of each linted package
// (every check and the shared analyzer, over both phases), by import
// path.
func (res *result) writeTimings(w io.Writer, name string) {
	timings := res.timings // the runner's
	if timings != nil {
		for _, p := range slices.Sorted(maps.Keys(timings)) {
			fmt.Fprintf(w, "%s: %8s  %s\n", name, timings[p].Round(time.Millisecond), p)
		}
		return
	}
	roots := make(map[string]bool)
	for _, act := range res.roots {
		roots[act.Package.ID] = true
	}
	spent := make(map[string]time.Duration)
	for act := range res.actions() {
		if roots[act.Package.ID] {
			spent[act.Package.ID] += act.Duration
		}
	}
	ids := make([]string, 0, len(spent))
	for id := range spent {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		fmt.Fprintf(w, "%s: %8s  %s\n", name, spent[id].Round(time.Millisecond), id)
	}
}

// writeSummary prints, for -v, the final line: packages, times and the
// findings reported by each check.
func (res *result) writeSummary(w io.Writer, name string) {
	linted := make(map[string]bool)
	for _, act := range res.roots {
		linted[act.Package.ID] = true
	}
	var phases []string
	for _, d := range res.phases {
		phases = append(phases, d.Round(10*time.Millisecond).String())
	}
	sourced, n := "", len(linted)
	if res.timings != nil {
		// the runner's roots stand for the packages that reported;
		// each linted package has a time
		sourced = fmt.Sprintf(", %d analysed from source, %d read from the cache", res.sourced, res.fromCache)
		n = len(res.timings)
	}
	fmt.Fprintf(w, "%s: %d packages linted (%d loaded with their dependencies%s, %d analysed again by the whole-program join); load %s, analysis %s; findings: %s\n",
		name, n, res.packages, sourced, res.join.Again, res.load.Round(10*time.Millisecond), strings.Join(phases, " + "), res.findingCounts())
}

// findingCounts words the findings of each check that ran: "leak 3,
// passthrough 0".
func (res *result) findingCounts() string {
	counts := make(map[string]int)
	for _, c := range res.checks {
		counts[c] += 0
	}
	for _, f := range res.findings {
		counts[f.check()]++
	}
	checks := make([]string, 0, len(counts))
	for c := range counts {
		checks = append(checks, c)
	}
	slices.Sort(checks)
	var parts []string
	for _, c := range checks {
		parts = append(parts, fmt.Sprintf("%s %d", c, counts[c]))
	}
	return strings.Join(parts, ", ")
}
