package hosted

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gofrs/flock"
	"golang.org/x/tools/go/analysis"

	"github.com/upstreamlint/upstreamlint/analyzer"
)

// go vet's build ID.
//
// go vet keys each package's cached result by the tool's build ID (its
// answer to -V=full, asked once per run), the vet flags, and the
// package's own files and imports. A package's whole-program findings
// also depend on packages it does not import (the repository wired in
// main), so the build ID must change whenever they may have changed, and
// should not change otherwise: a change that moves no finding then vets
// again only the packages it touches, as before the join.
//
// -V=full is asked without the vet flags, so the settings the whole
// program depends on are those the module's recent go vet runs used: each
// process that computes or reads a module's whole program records its
// settings (recordSettings, at most maxSettings sets, the last first).
// VetBuildID computes the whole program with each (a look-up in the
// fingerprint-named file when the module did not change, the runner with
// its results cache when it did; the processes of the run then read
// that file) and covers the findings; with none recorded, with the
// default settings. A run with settings not recorded yet has cache keys
// of its own (the flags are in them), and records them. When the whole
// program cannot be computed, it covers the module's fingerprint
// instead: every change to the module then vets every package again.

// maxSettings is how many sets of settings a module's record keeps.
const maxSettings = 4

// VetBuildID returns what go vet's build ID must cover for the module
// that holds dir (the go command's working directory): the findings of
// its whole program under the settings of its recent go vet runs, or its
// fingerprint. newChecks returns fresh analyzers of every check
// (checks.New). It returns nil outside a module.
func VetBuildID(dir string, newChecks func(shared *analysis.Analyzer) []*analysis.Analyzer) []byte {
	root := ModuleDir(dir)
	if root == "" {
		return nil
	}
	fallback := func() []byte { return []byte("fingerprint " + Fingerprint(root, nil)) }
	share, err := shareDir()
	if err != nil {
		return fallback()
	}
	recent := recentSettings(share, root)
	if len(recent) == 0 {
		recent = [][]string{nil} // none recorded: most runs have the default settings
	}
	h := sha256.New()
	for _, settings := range recent {
		host, err := hostWith(settings, newChecks)
		if err != nil {
			return fallback()
		}
		run, err := host.program(root)
		if err != nil {
			return fallback()
		}
		data, err := json.Marshal(run)
		if err != nil {
			return fallback()
		}
		fmt.Fprintf(h, "settings %q\n", settings)
		h.Write(data)
	}
	return []byte(fmt.Sprintf("findings %x", h.Sum(nil)))
}

// hostWith returns a Host of every check with the given settings
// (-NAME.FLAG=VALUE, as instances returns them), as go vet's processes
// make it.
func hostWith(settings []string, newChecks func(shared *analysis.Analyzer) []*analysis.Analyzer) (*Host, error) {
	shared := analyzer.New(analyzer.DefaultConfig())
	checks := newChecks(shared.Analyzer)
	byName := map[string]*analysis.Analyzer{shared.Analyzer.Name: shared.Analyzer}
	for _, c := range checks {
		byName[c.Name] = c
	}
	for _, s := range settings {
		name, value, ok := strings.Cut(strings.TrimPrefix(s, "-"), "=")
		a, f, ok2 := strings.Cut(name, ".")
		if !ok || !ok2 || byName[a] == nil {
			return nil, fmt.Errorf("malformed setting %q", s)
		}
		if err := byName[a].Flags.Set(f, value); err != nil {
			return nil, fmt.Errorf("setting %q: %v", s, err)
		}
	}
	h := New(Config{Shared: shared, Checks: checks, New: newChecks, Processes: true})
	h.quiet = true // what it computes is the record's, not a run's
	return h, nil
}

// settingsFile is the record of the settings of a module's recent go vet
// runs.
func settingsFile(share, root string) string {
	return filepath.Join(share, hashString("settings "+root)+".settings")
}

// recentSettings returns the settings of the module's recent go vet runs,
// the last first.
func recentSettings(share, root string) [][]string {
	data, err := os.ReadFile(settingsFile(share, root))
	if err != nil {
		return nil
	}
	var recent [][]string
	if json.Unmarshal(data, &recent) != nil {
		return nil
	}
	return recent
}

// recordSettings puts settings first in the module's record, under a
// lock of its own (the processes of a go vet record at once).
func recordSettings(share, root string, settings []string) {
	file := settingsFile(share, root)
	lock := flock.New(file + ".lock")
	if lock.Lock() != nil {
		return
	}
	defer lock.Unlock()
	recent := recentSettings(share, root)
	if len(recent) > 0 && slices.Equal(recent[0], settings) {
		return
	}
	recent = slices.DeleteFunc(recent, func(s []string) bool { return slices.Equal(s, settings) })
	recent = append([][]string{append([]string{}, settings...)}, recent...)
	if len(recent) > maxSettings {
		recent = recent[:maxSettings]
	}
	if data, err := json.Marshal(recent); err == nil {
		writeFile(file, data) // a record not written: the next run records again
	}
}
