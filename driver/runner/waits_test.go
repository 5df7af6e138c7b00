package runner

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/tools/go/packages"
)

// TestWaits: a package analysed again by the join waits for every package
// analysed again that it imports, also through a package that is not
// (phase 2 lists only some packages: a missed wait made the findings of
// such a package depend on the order of the analyses).
func TestWaits(t *testing.T) {
	// api -> service -> store, api -> log; store and api are listed
	store := &packages.Package{ID: "store"}
	log := &packages.Package{ID: "log"}
	service := &packages.Package{ID: "service", Imports: map[string]*packages.Package{"store": store}}
	api := &packages.Package{ID: "api", Imports: map[string]*packages.Package{"service": service, "log": log}}
	r := &exportRun{units: make(map[*packages.Package]*unit)}
	for _, p := range []*packages.Package{store, log, service, api} {
		r.units[p] = &unit{pkg: p}
	}
	listed := []*unit{r.units[store], r.units[api]}
	done := map[*unit]chan struct{}{r.units[store]: make(chan struct{}), r.units[api]: make(chan struct{})}
	waits := r.waits(listed, done)
	assert.Equal(t, []*unit{r.units[store]}, waits[r.units[api]], "api waits for store through service")
	assert.Empty(t, waits[r.units[store]])

	// every package listed (phase 1): the direct imports only
	all := []*unit{r.units[store], r.units[log], r.units[service], r.units[api]}
	done = make(map[*unit]chan struct{})
	for _, u := range all {
		done[u] = make(chan struct{})
	}
	waits = r.waits(all, done)
	assert.ElementsMatch(t, []*unit{r.units[service], r.units[log]}, waits[r.units[api]])
	assert.Equal(t, []*unit{r.units[store]}, waits[r.units[service]])
}
