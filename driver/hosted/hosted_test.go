package hosted

import (
	"encoding/json"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/checks"
	"github.com/upstreamlint/upstreamlint/driver/runner"
	"github.com/upstreamlint/upstreamlint/internal/testrepo"
)

func TestLineCol(t *testing.T) {
	for _, tc := range []struct {
		posn      string
		file      string
		line, col int
		ok        bool
	}{
		{"/a/b.go:12:5", "/a/b.go", 12, 5, true},
		{"/a/b.go:12", "/a/b.go", 12, 0, true},
		{`C:\a\b.go:3:1`, `C:\a\b.go`, 3, 1, true},
		{`C:\a\b.go:3`, `C:\a\b.go`, 3, 0, true},
		{"-", "", 0, 0, false},
		{"/a/b.go:x:1", "/a/b.go:x", 1, 0, true}, // a file named b.go:x
		{"/a/b.go:0:0", "", 0, 0, false},
	} {
		file, line, col, ok := lineCol(tc.posn)
		assert.Equal(t, tc.ok, ok, tc.posn)
		if tc.ok {
			assert.Equal(t, []any{tc.file, tc.line, tc.col}, []any{file, line, col}, tc.posn)
		}
	}
}

// TestReplay: a run's JSON diagnostics become diagnostics at positions
// of the host's file set, fixes and related information included; a
// diagnostic outside the package's files makes the package fall back.
func TestReplay(t *testing.T) {
	dir := t.TempDir()
	pkgFile := filepath.Join(dir, "h.go")
	src := "package h\n\nfunc F() {\n\tg(1)\n}\n"
	require.NoError(t, os.WriteFile(pkgFile, []byte(src), 0o644))
	other := filepath.Join(dir, "impl.go")
	require.NoError(t, os.WriteFile(other, []byte("package impl\n\nfunc G() {}\n"), 0o644))

	fset := token.NewFileSet()
	tf := fset.AddFile(pkgFile, -1, len(src))
	tf.SetLinesForContent([]byte(src))
	files := map[string]*token.File{pkgFile: tf}
	h := New(Config{})

	raw, err := json.Marshal([]map[string]any{{
		"posn":    pkgFile + ":4:4",
		"end":     pkgFile + ":4:5",
		"message": "m",
		"suggested_fixes": []map[string]any{{
			"message": "fix",
			"edits":   []map[string]any{{"filename": pkgFile, "start": 13, "end": 14, "new": "x"}},
		}},
		"related": []map[string]any{
			{"posn": other + ":3:6", "end": other + ":3:7", "message": "implemented by G"},
			{"posn": filepath.Join(dir, "gone.go") + ":1:1", "message": "a file that is not there"},
		},
	}})
	require.NoError(t, err)
	diags, ok, err := h.replay(fset, files, raw)
	require.NoError(t, err)
	require.True(t, ok)
	require.Len(t, diags, 1)
	d := diags[0]
	assert.Equal(t, "m", d.Message)
	assert.Equal(t, pkgFile+":4:4", fset.Position(d.Pos).String())
	assert.Equal(t, pkgFile+":4:5", fset.Position(d.End).String())
	require.Len(t, d.SuggestedFixes, 1)
	e := d.SuggestedFixes[0].TextEdits[0]
	assert.Equal(t, 13, fset.Position(e.Pos).Offset)
	assert.Equal(t, 14, fset.Position(e.End).Offset)
	assert.Equal(t, "x", string(e.NewText))
	require.Len(t, d.Related, 1, "the related position in a file that cannot be read is left out")
	assert.Equal(t, other+":3:6", fset.Position(d.Related[0].Pos).String())
	assert.Equal(t, "implemented by G", d.Related[0].Message)

	// a second package of the same file set reuses the added file
	assert.Same(t, h.file(fset, other), h.file(fset, other))

	for name, posn := range map[string]string{
		"another file": other + ":3:1",
		"past the end": pkgFile + ":9:1",
	} {
		raw, _ := json.Marshal([]map[string]any{{"posn": posn, "message": "m"}})
		_, ok, err := h.replay(fset, files, raw)
		require.NoError(t, err)
		assert.False(t, ok, name)
	}
	raw, _ = json.Marshal([]map[string]any{{"posn": pkgFile + ":4:2", "message": "m", "suggested_fixes": []map[string]any{{
		"message": "fix", "edits": []map[string]any{{"filename": pkgFile, "start": 13, "end": 999, "new": "x"}},
	}}}})
	_, ok, err = h.replay(fset, files, raw)
	require.NoError(t, err)
	assert.False(t, ok, "an edit past the end of its file")
}

func TestMatch(t *testing.T) {
	r := &Run{Roots: map[string]runner.Root{
		"example.com/m/h":                        {Path: "example.com/m/h", GoFiles: []string{"/m/h/a.go", "/m/h/b.go"}},
		"example.com/m/h [example.com/m/h.test]": {Path: "example.com/m/h", GoFiles: []string{"/m/h/a.go", "/m/h/a_test.go", "/m/h/b.go"}},
	}}
	id, ok := r.match("example.com/m/h", []string{"/m/h/b.go", "/m/h/a.go"})
	assert.True(t, ok)
	assert.Equal(t, "example.com/m/h", id)
	id, ok = r.match("example.com/m/h", []string{"/m/h/a_test.go", "/m/h/b.go", "/m/h/a.go"})
	assert.True(t, ok)
	assert.Equal(t, "example.com/m/h [example.com/m/h.test]", id, "the test variant by its files")
	_, ok = r.match("example.com/m/h", []string{"/m/h/a.go", "/m/h/b.go", "/m/h/c_linux.go"})
	assert.False(t, ok, "files the run did not analyse (a build tag): the package is analysed on its own")
}

// writeModule writes a module of a handler that forwards what its
// interface's implementation, wired in main, returns.
func writeModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	testrepo.WriteFiles(t, dir, map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.22\n",
		"h/h.go": `package h

import "net/http"

type Pinger interface{ Ping() (int, error) }

type H struct{ P Pinger }

func (h H) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	code, err := h.P.Ping()
	if err != nil {
		http.Error(w, "unavailable", http.StatusBadGateway)
		return
	}
	w.WriteHeader(code)
}
`,
		"client/client.go": `package client

import "net/http"

type C struct{}

func (C) Ping() (int, error) {
	resp, err := http.Get("http://inventory.internal/health")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
`,
		"main.go": `package main

import (
	"net/http"

	"example.com/m/client"
	"example.com/m/h"
)

func main() { http.ListenAndServe(":8080", h.H{P: client.C{}}) }
`,
		"testdata/x.go":    "package x\n",
		"nested/go.mod":    "module example.com/nested\n",
		"nested/nested.go": "package nested\n",
	})
	return dir
}

func TestFingerprint(t *testing.T) {
	dir := writeModule(t)
	fp := Fingerprint(dir, nil)
	assert.Equal(t, fp, Fingerprint(dir, nil), "stable")
	assert.NotEqual(t, fp, Fingerprint(dir, []string{"-leak.allow=x"}), "the settings")

	later := time.Now().Add(time.Hour)
	for _, unread := range []string{"testdata/x.go", "nested/nested.go"} {
		require.NoError(t, os.Chtimes(filepath.Join(dir, unread), later, later))
		assert.Equal(t, fp, Fingerprint(dir, nil), "%s is not in the module's packages", unread)
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "client", "client.go"), []byte("package client\n"), 0o644))
	assert.NotEqual(t, fp, Fingerprint(dir, nil), "a Go file of the module")

	// a local module the go.mod replaces
	dep := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dep, "go.mod"), []byte("module example.com/dep\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dep, "dep.go"), []byte("package dep\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/m\n\ngo 1.22\n\nreplace example.com/dep => "+dep+"\n"), 0o644))
	fp = Fingerprint(dir, nil)
	require.NoError(t, os.WriteFile(filepath.Join(dep, "dep.go"), []byte("package dep // changed\n"), 0o644))
	assert.NotEqual(t, fp, Fingerprint(dir, nil), "a Go file of a replacing module")
}

// newHost returns a Host with the default settings, as go vet makes it.
func newHost(processes bool) *Host {
	shared := analyzer.New(analyzer.DefaultConfig())
	return New(Config{Shared: shared, Checks: checks.New(shared.Analyzer), New: checks.New, Processes: processes})
}

// TestShared: with Processes, the first Host computes a module's whole
// program and leaves it for the others, which read it instead of
// computing it; a change to the module computes it again.
func TestShared(t *testing.T) {
	t.Setenv("UPSTREAMLINT_CACHE", t.TempDir())
	dir := writeModule(t)
	run, err := newHost(true).program(dir)
	require.NoError(t, err)
	require.Contains(t, run.Roots, "example.com/m/h")
	assert.Contains(t, string(run.Trees["example.com/m/h"]["passthrough"]), "upstream status code is forwarded", "the whole program: the implementation is wired in main")

	// what the next process reads is the file, not a computation
	share, err := shareDir()
	require.NoError(t, err)
	file := filepath.Join(share, Fingerprint(dir, settingsOf(t, newHost(true)))+".json")
	marked := *run
	marked.Roots = map[string]runner.Root{"marker": {Path: "marker"}}
	data, err := json.Marshal(marked)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, data, 0o644))
	again, err := newHost(true).program(dir)
	require.NoError(t, err)
	assert.Contains(t, again.Roots, "marker")

	// a change to the module: computed again
	later := time.Now().Add(time.Hour)
	require.NoError(t, os.Chtimes(filepath.Join(dir, "h", "h.go"), later, later))
	fresh, err := newHost(true).program(dir)
	require.NoError(t, err)
	assert.NotContains(t, fresh.Roots, "marker")
	assert.Contains(t, fresh.Roots, "example.com/m/h")
}

// TestSharedSettingError: a function setting that does not resolve in
// the module's build fails its whole program with the setting's error,
// as it is (not as a failure of the join, which the advice to turn the
// join off would follow), and the file keeps it for the next process,
// which reads it instead of loading the packages again. Prepare returns
// it, for a host to report as an error of its settings at once.
func TestSharedSettingError(t *testing.T) {
	t.Setenv("UPSTREAMLINT_CACHE", t.TempDir())
	dir := writeModule(t)
	withMapper := func() *Host {
		h := newHost(true)
		for _, c := range h.cfg.Checks {
			if c.Name == "passthrough" {
				require.NoError(t, c.Flags.Set("mapper", "example.com/m/client.Map"))
			}
		}
		return h
	}
	h := withMapper()
	_, err := h.program(dir)
	var setting *analyzer.SettingError
	require.ErrorAs(t, err, &setting)
	assert.Equal(t, "-passthrough.mapper=example.com/m/client.Map: package example.com/m/client has no function Map", err.Error())
	assert.Equal(t, setting, h.Prepare(dir))

	share, err := shareDir()
	require.NoError(t, err)
	file := filepath.Join(share, Fingerprint(dir, settingsOf(t, withMapper()))+".json")
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	var kept Run
	require.NoError(t, json.Unmarshal(data, &kept))
	assert.Equal(t, setting, kept.Setting)
	assert.Nil(t, kept.Roots)

	kept.Setting = &analyzer.SettingError{Setting: "passthrough.mapper", Value: "example.com/m/client.Map", Reason: "marker"}
	data, err = json.Marshal(kept)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, data, 0o644))
	_, err = withMapper().program(dir)
	assert.EqualError(t, err, "-passthrough.mapper=example.com/m/client.Map: marker", "read, not computed")
	assert.NoError(t, newHost(true).Prepare(dir), "other settings, another whole program")
}

func settingsOf(t *testing.T, h *Host) []string {
	t.Helper()
	_, _, settings, err := h.instances()
	require.NoError(t, err)
	return settings
}

// TestInstancesCarryTheSettings: the runner's analyzers get the host's
// settings, and only those changed are cache settings.
func TestInstancesCarryTheSettings(t *testing.T) {
	h := newHost(false)
	require.NoError(t, h.cfg.Shared.Analyzer.Flags.Set("deps", "example.com/billing"))
	for _, c := range h.cfg.Checks {
		if c.Name == "leak" {
			require.NoError(t, c.Flags.Set("allow", "example.com/gw/..."))
		}
	}
	shared, checks, settings, err := h.instances()
	require.NoError(t, err)
	assert.Equal(t, []string{"-leak.allow=example.com/gw/...", "-upstreamfacts.deps=example.com/billing"}, settings)
	assert.NotSame(t, h.cfg.Shared, shared)
	assert.Equal(t, "example.com/billing", shared.Analyzer.Flags.Lookup("deps").Value.String())
	require.Len(t, checks, len(h.cfg.Checks))
	for i, c := range checks {
		assert.NotSame(t, h.cfg.Checks[i], c)
		assert.Equal(t, shared.Analyzer, c.Requires[0])
		if c.Name == "leak" {
			assert.Equal(t, "example.com/gw/...", c.Flags.Lookup("allow").Value.String())
		}
	}
}

// TestVetBuildID: go vet's build ID covers the whole program's findings,
// under the default settings until a run records its own, then under the
// recent ones: a change that moves no finding keeps it, one that does
// changes it.
func TestVetBuildID(t *testing.T) {
	if testing.Short() {
		t.Skip("host machinery (analyses every dependency from source): skipped in -short mode")
	}
	t.Setenv("UPSTREAMLINT_CACHE", t.TempDir())
	dir := writeModule(t)
	assert.Nil(t, VetBuildID(t.TempDir(), checks.New), "outside a module")
	id := string(VetBuildID(filepath.Join(dir, "h"), checks.New))
	assert.True(t, strings.HasPrefix(id, "findings "), "no settings recorded: the default ones: %s", id)
	assert.Equal(t, id, string(VetBuildID(dir, checks.New)), "stable")

	// a process of go vet with settings of its own records them
	other := newHost(true)
	require.NoError(t, other.cfg.Shared.Analyzer.Flags.Set("deps", "example.com/m/client"))
	_, err := other.program(dir)
	require.NoError(t, err)
	withOther := string(VetBuildID(dir, checks.New))
	assert.NotEqual(t, id, withOther, "the findings under both settings")
	_, err = newHost(true).program(dir) // the default settings, the last again
	require.NoError(t, err)
	id = string(VetBuildID(dir, checks.New))
	assert.NotEqual(t, withOther, id, "the last settings first")

	// a change that moves no finding (the end of main.go)
	testrepo.AppendFile(t, filepath.Join(dir, "main.go"), "\n// a comment\n")
	assert.Equal(t, id, string(VetBuildID(dir, checks.New)), "a change that moves no finding keeps the build ID")

	// a change that moves the handler's finding
	data, err := os.ReadFile(filepath.Join(dir, "h", "h.go"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "h", "h.go"), append([]byte("// Package h.\n"), data...), 0o644))
	moved := string(VetBuildID(dir, checks.New))
	assert.NotEqual(t, id, moved)

	// the implementation stops returning the upstream status: the
	// handler's finding goes, and so does the build ID
	require.NoError(t, os.WriteFile(filepath.Join(dir, "client", "client.go"), []byte("package client\n\ntype C struct{}\n\nfunc (C) Ping() (int, error) { return 200, nil }\n"), 0o644))
	assert.NotEqual(t, moved, string(VetBuildID(dir, checks.New)))
}

// TestRecordSettings: the last settings first, each once, at most
// maxSettings.
func TestRecordSettings(t *testing.T) {
	share := t.TempDir()
	for i := range maxSettings + 2 {
		recordSettings(share, "/m", []string{fmt.Sprintf("-leak.allow=%d", i)})
	}
	recordSettings(share, "/m", []string{"-leak.allow=3"})
	got := recentSettings(share, "/m")
	require.Len(t, got, maxSettings)
	assert.Equal(t, []string{"-leak.allow=3"}, got[0])
	assert.Equal(t, []string{"-leak.allow=5"}, got[1])
	assert.Empty(t, recentSettings(share, "/other"))
}
