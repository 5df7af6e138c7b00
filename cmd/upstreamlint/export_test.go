package main_test

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/upstreamlint/upstreamlint/internal/testrepo"
)

// TestExportRunner checks the runner against the oracle on the
// layered service: the same findings, related information included,
// through the whole-program join, with and without test files; every
// format and -fix work from them.
func TestExportRunner(t *testing.T) {
	slow(t)
	t.Setenv("UPSTREAMLINT_CACHE", "off")
	dir, err := filepath.Abs("testdata/layered")
	require.NoError(t, err)
	for _, tests := range []string{"-test=true", "-test=false"} {
		t.Setenv("UPSTREAMLINT_CACHE", t.TempDir())
		want := oracle(t, dir, tests, "-json", "./...")
		require.Equal(t, 3, want.code, want.stderr)
		got := run(t, dir, bin, tests, "-v", "-json", "./...")
		require.Equal(t, 3, got.code, got.stderr)
		assert.Equal(t, jsonFindings(t, dir, want.stdout), jsonFindings(t, dir, got.stdout), tests)
		assert.Regexp(t, `packages linted \(\d+ loaded with their dependencies, \d+ analysed from source, 0 read from the cache, [56] analysed again by the whole-program join\)`, got.stderr)
	}

	sarif := run(t, dir, bin, "-format=sarif", "./...")
	require.Equal(t, 3, sarif.code, sarif.stderr)
	assert.Contains(t, sarif.stdout, `"ruleId": "leak"`)

	// -fix: the same files as the oracle's fixes
	fixed := func(oracleRun bool) map[string]string {
		d := copyTree(t, dir)
		res := run(t, d, bin, "-fix", "./...")
		if oracleRun {
			res = oracle(t, d, "-fix", "./...")
		}
		require.NotEqual(t, 1, res.code, res.stderr)
		return treeFiles(t, d)
	}
	want, got := fixed(true), fixed(false)
	assert.Equal(t, want, got)
	changed := 0
	for rel, content := range want {
		b, err := os.ReadFile(filepath.Join(dir, rel))
		require.NoError(t, err)
		if string(b) != content {
			changed++
		}
	}
	assert.NotZero(t, changed, "the fixes change files")
}

// TestExportRunnerDependencyFacts: a helper in a dependency module (not
// linted) that returns an upstream status is analysed from source for
// its facts, so the handler that writes its result is reported; a
// dependency that imports nothing the analysis knows is not analysed
// from source at all (its types come from export data).
func TestExportRunnerDependencyFacts(t *testing.T) {
	slow(t)
	t.Setenv("UPSTREAMLINT_CACHE", "off")
	dir := t.TempDir()
	files := map[string]string{
		"svc/go.mod": "module example.com/svc\n\ngo 1.22\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ../dep\n",
		"svc/h/h.go": `package h

import (
	"net/http"

	"example.com/dep/client"
	"example.com/dep/text"
)

func Handle(w http.ResponseWriter, r *http.Request) {
	code, err := client.Ping(r.Context(), "http://inventory.internal/health")
	if err != nil {
		http.Error(w, text.Title("unavailable"), http.StatusBadGateway)
		return
	}
	w.WriteHeader(code)
}
`,
		"dep/go.mod": "module example.com/dep\n\ngo 1.22\n",
		"dep/client/client.go": `package client

import (
	"context"
	"net/http"
)

// Ping returns the status the service answered with.
func Ping(ctx context.Context, url string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
`,
		"dep/text/text.go": `package text

import "strings"

func Title(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
`,
	}
	testrepo.WriteFiles(t, dir, files)
	svc := filepath.Join(dir, "svc")
	want := oracle(t, svc, "-json", "./...")
	require.Equal(t, 3, want.code, want.stderr)
	wantFindings := jsonFindings(t, svc, want.stdout)
	require.Len(t, wantFindings, 1)
	assert.Contains(t, wantFindings[0], "h/h.go:16:16: passthrough: upstream status code is forwarded")

	got := run(t, svc, bin, "-v", "-json", "./...")
	require.Equal(t, 3, got.code, got.stderr)
	assert.Equal(t, wantFindings, jsonFindings(t, svc, got.stdout))
	m := regexp.MustCompile(`1 packages linted \((\d+) loaded with their dependencies, (\d+) analysed from source, 0 read from the cache`).FindStringSubmatch(got.stderr)
	require.NotNil(t, m, got.stderr)
	loaded, _ := strconv.Atoi(m[1])
	sourced, _ := strconv.Atoi(m[2])
	// h and dep/client; not dep/text, strings or net/http's own
	// dependencies (none of them imports a package the analysis knows)
	assert.Equal(t, 2, sourced, got.stderr)
	assert.Greater(t, loaded, 40, got.stderr)
}

// TestExportRunnerCache checks the export runner's results cache: a
// second run reads every package from it, with the same findings and
// fixes; an edit analyses the package and its importers again; a
// damaged entry is analysed again, not fatal.
func TestExportRunnerCache(t *testing.T) {
	slow(t)
	cache := t.TempDir()
	t.Setenv("UPSTREAMLINT_CACHE", cache)
	dir := copyTree(t, "testdata/layered")
	want := jsonFindings(t, dir, oracle(t, dir, "-json", "./...").stdout)
	require.Len(t, want, 6)
	wantDiff := oracle(t, dir, "-diff", "./...").stdout
	require.Contains(t, wantDiff, "+++ ")

	counts := regexp.MustCompile(`(\d+) analysed from source, (\d+) read from the cache`)
	exportRun := func(args ...string) (result, int, int) {
		t.Helper()
		res := run(t, dir, bin, append([]string{"-v"}, args...)...)
		require.Equal(t, 3, res.code, res.stderr)
		m := counts.FindStringSubmatch(res.stderr)
		require.NotNil(t, m, res.stderr)
		src, _ := strconv.Atoi(m[1])
		cached, _ := strconv.Atoi(m[2])
		return res, src, cached
	}

	res, all, cached := exportRun("-json", "./...")
	assert.Equal(t, want, jsonFindings(t, dir, res.stdout))
	assert.Equal(t, 0, cached)
	require.Greater(t, all, 13, "the 13 linted packages, and the join's again")

	res, src, cached := exportRun("-json", "./...")
	assert.Equal(t, want, jsonFindings(t, dir, res.stdout))
	assert.Equal(t, 0, src, res.stderr)
	assert.Equal(t, all, cached)
	res, src, _ = exportRun("-diff", "./...")
	assert.Equal(t, wantDiff, res.stdout, "fixes from the cache")
	assert.Equal(t, 0, src, res.stderr)

	// A comment in the SQL repository: it and its importers (main, and
	// the join's packages whose key includes it), not the others.
	sql := filepath.Join(dir, "store", "sql.go")
	testrepo.AppendFile(t, sql, "// edited\n")
	res, src, cached = exportRun("-json", "./...")
	assert.Equal(t, want, jsonFindings(t, dir, res.stdout))
	assert.Greater(t, src, 0, res.stderr)
	assert.Greater(t, cached, 0, res.stderr)
	assert.Less(t, src, all, res.stderr)

	// An edit that changes what the join knows: the repository returns a
	// sentinel error, and the handler's findings through it are gone,
	// as with the checker; undone, every result comes from the cache.
	b, err := os.ReadFile(sql)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(sql, bytes.Replace(b, []byte("id, err)"), []byte("id, model.ErrNotFound)"), 1), 0o644))
	want2 := jsonFindings(t, dir, oracle(t, dir, "-json", "./...").stdout)
	require.NotEqual(t, want, want2)
	res, _, _ = exportRun("-json", "./...")
	assert.Equal(t, want2, jsonFindings(t, dir, res.stdout))
	require.NoError(t, os.WriteFile(sql, b, 0o644))
	res, src, _ = exportRun("-json", "./...")
	assert.Equal(t, want, jsonFindings(t, dir, res.stdout))
	assert.Equal(t, 0, src, res.stderr)

	// Damaged entries, truncated or of the right size but not what was
	// written: analysed again, and written again.
	var entries []string
	require.NoError(t, filepath.WalkDir(cache, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, "-e") {
			entries = append(entries, path)
		}
		return err
	}))
	require.NotEmpty(t, entries)
	for i, path := range entries {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		if i%2 == 0 {
			b = b[:len(b)/2]
		} else {
			b[len(b)-2] ^= 1 // still JSON, maybe: the hash says it is not what was written
		}
		require.NoError(t, os.WriteFile(path, b, 0o644))
	}
	res, src, _ = exportRun("-json", "./...")
	assert.Equal(t, want, jsonFindings(t, dir, res.stdout))
	assert.Greater(t, src, 0, res.stderr)
	for _, line := range strings.Split(strings.TrimSpace(res.stderr), "\n") {
		assert.Regexp(t, `^upstreamlint: ( +\S+  example\.com/|13 packages linted )`, line, "only -v's lines: no warning, no error")
	}
	res, src, cached = exportRun("-json", "./...")
	assert.Equal(t, want, jsonFindings(t, dir, res.stdout))
	assert.Equal(t, 0, src, res.stderr)
	assert.Equal(t, all, cached)
}

// TestExportRunnerStdImplementation: the join names a std method as the
// implementation a handler calls through an interface. Its position
// comes from the compiler's export data, which names the file
// $GOROOT/src/… and has no columns: the report gives the checker's path,
// line and column.
func TestExportRunnerStdImplementation(t *testing.T) {
	slow(t)
	t.Setenv("UPSTREAMLINT_CACHE", "off")
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/doer\n\ngo 1.22\n",
		"h/h.go": `package h

import "net/http"

type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

type H struct{ C Doer }

func (h *H) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://inventory.internal/items", nil)
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	resp, err := h.C.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(http.StatusOK)
}
`,
		"cmd/main.go": `package main

import (
	"net/http"

	"example.com/doer/h"
)

func main() {
	http.ListenAndServe(":8080", &h.H{C: http.DefaultClient})
}
`,
	}
	testrepo.WriteFiles(t, dir, files)
	want := oracle(t, dir, "-json", "./...")
	require.Equal(t, 3, want.code, want.stderr)
	require.Contains(t, want.stdout, "implemented by (*http.Client).Do")
	got := run(t, dir, bin, "-json", "./...")
	require.Equal(t, 3, got.code, got.stderr)
	assert.Equal(t, want.stdout, got.stdout)
	assert.NotContains(t, got.stdout, "$GOROOT")
}

// TestExportRunnerCgo: a linted package that uses cgo is analysed from
// cgo's output, whose imports (runtime/cgo) the first, uncompiled load
// of the package graph does not list.
func TestExportRunnerCgo(t *testing.T) {
	slow(t)
	if strings.TrimSpace(goEnv(t, "CGO_ENABLED")) != "1" {
		t.Skip("cgo is disabled")
	}
	t.Setenv("UPSTREAMLINT_CACHE", "off")
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/cgosvc\n\ngo 1.22\n",
		// the handler in a file of its own: the analysis skips cgo's
		// output files, which are generated
		"h/c.go": `package h

// #include <stdlib.h>
import "C"

func random() int { return int(C.rand()) }
`,
		"h/h.go": `package h

import "net/http"

func Handle(w http.ResponseWriter, r *http.Request) {
	_ = random()
	resp, err := http.Get("http://inventory.internal/items")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}
`,
	}
	testrepo.WriteFiles(t, dir, files)
	want := oracle(t, dir, "-json", "./...")
	require.Equal(t, 3, want.code, want.stderr)
	require.Len(t, jsonFindings(t, dir, want.stdout), 2, want.stdout)
	got := run(t, dir, bin, "-json", "./...")
	require.Equal(t, 3, got.code, got.stderr)
	assert.Equal(t, jsonFindings(t, dir, want.stdout), jsonFindings(t, dir, got.stdout))
}

func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	require.NoError(t, err)
	return string(out)
}

// TestSourceTypes: -types=source (the default) gives the findings and
// fixes of -types=export on the layered service, with nothing compiled
// (no compiler under the run, on an empty build cache: with export data
// go list -export compiles std, TestInterruptEndsChildren), its own
// cache entries, and a load error for a package that does not
// type-check.
func TestSourceTypes(t *testing.T) {
	slow(t)
	if runtime.GOOS != "linux" {
		t.Skip("reads the process tree from /proc")
	}
	dir := copyTree(t, "testdata/layered")
	t.Setenv("UPSTREAMLINT_CACHE", t.TempDir())
	want := run(t, dir, bin, "-types=export", "-json", "./...")
	require.Equal(t, 3, want.code, want.stderr)
	wantDiff := run(t, dir, bin, "-types=export", "-diff", "./...")
	require.Equal(t, 3, wantDiff.code, wantDiff.stderr)

	cmd, exited, stdout, stderr := startRun(t, dir, []string{"GOCACHE=" + t.TempDir()}, "-v", "-json", "./...") // -types=source, the default
	seen := make(map[string]bool)
	var err error
poll:
	for {
		select {
		case err = <-exited:
			break poll
		default:
		}
		for _, pid := range descendants(cmd.Process.Pid) {
			if line, rerr := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "cmdline")); rerr == nil {
				// the go command asks each tool its version (-V=full)
				// for the actions' IDs: a compile has more arguments
				if args := strings.Split(strings.TrimSuffix(string(line), "\x00"), "\x00"); len(args) > 2 {
					seen[filepath.Base(args[0])] = true
				}
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "%v: %s", err, stderr.String())
	require.Equal(t, 3, exit.ExitCode(), stderr.String())
	t.Logf("processes under the run: %v", slices.Sorted(maps.Keys(seen)))
	assert.True(t, seen["go"], "go list ran under the run: the poll sees its children")
	assert.False(t, seen["compile"], "nothing compiled")
	assert.Equal(t, jsonFindings(t, dir, want.stdout), jsonFindings(t, dir, stdout.String()))
	assert.Contains(t, stderr.String(), ", 0 read from the cache", "entries of their own, not the export data's")

	diff := run(t, dir, bin, "-diff", "./...")
	assert.Equal(t, wantDiff.stdout, diff.stdout)

	// a package that does not type-check: its error, once, exit 1
	require.NoError(t, os.WriteFile(filepath.Join(dir, "model", "broken.go"), []byte("package model\n\nvar Broken int = \"text\"\n"), 0o644))
	res := run(t, dir, bin, "./...")
	assert.Equal(t, 1, res.code, res.stderr)
	assert.Contains(t, res.stderr, "# example.com/layered/model\nmodel/broken.go:3:18: cannot use \"text\"")
	assert.Equal(t, 1, strings.Count(res.stderr, "broken.go"), "once: %s", res.stderr)

	res = run(t, dir, bin, "-types=elsewhere", "./...")
	assert.Equal(t, 2, res.code)
	assert.Contains(t, res.stderr, `invalid value "elsewhere" for flag -types: "elsewhere" is not source or export`)
}
