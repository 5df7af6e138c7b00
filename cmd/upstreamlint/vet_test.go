package main_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// vetTreeFindings returns "file:line:col: check: message" for each
// diagnostic of a stream of JSON trees (go vet -json prints one per
// package), each once, paths relative to dir.
func vetTreeFindings(t *testing.T, dir, out string) []string {
	t.Helper()
	seen := make(map[string]bool)
	dec := json.NewDecoder(strings.NewReader(out))
	for {
		var tree map[string]map[string][]jsonDiagnostic
		err := dec.Decode(&tree)
		if err == io.EOF {
			break
		}
		require.NoError(t, err, out)
		for _, analyzers := range tree {
			for name, diags := range analyzers {
				for _, d := range diags {
					rel, err := filepath.Rel(dir, d.Posn)
					require.NoError(t, err)
					seen[filepath.ToSlash(rel)+": "+name+": "+d.Message] = true
				}
			}
		}
	}
	var got []string
	for s := range seen {
		got = append(got, s)
	}
	sort.Strings(got)
	return got
}

// TestVetRunner checks -runner=vet: the findings are the default
// runner's, the whole-program join included, every format and -fix work
// from them, and the go build cache keeps the results: a second run
// analyses nothing, an edit analyses its package again, a damaged cache
// entry is analysed again, not fatal.
func TestVetRunner(t *testing.T) {
	dir := copyTree(t, "testdata/layered")
	// a comment of its own makes this copy's packages new to the cache
	stamp := "// copy " + time.Now().Format(time.RFC3339Nano) + "\n"
	for _, f := range []string{"handler/handler.go", "store/sql.go", "catalog/catalog.go"} {
		appendFile(t, filepath.Join(dir, f), stamp)
	}
	start := time.Now()

	res := run(t, dir, bin, "-runner=checker", "-json", "./...")
	require.Equal(t, 3, res.code, res.stderr)
	want := jsonFindings(t, dir, res.stdout)
	require.Len(t, want, 6)

	summary := regexp.MustCompile(`go vet: (\d+) packages linted, (\d+) with their dependencies: (\d+) analysed, (\d+) from the build cache`)
	res = run(t, dir, bin, "-runner=vet", "-v", "-json", "./...")
	require.Equal(t, 3, res.code, res.stderr)
	assert.Equal(t, want, jsonFindings(t, dir, res.stdout))
	m := summary.FindStringSubmatch(res.stderr)
	require.NotNil(t, m, res.stderr)
	assert.Equal(t, "11", m[1], res.stderr)
	assert.NotEqual(t, "0", m[3], res.stderr)
	assert.Contains(t, res.stderr, "5 analysed again by the whole-program join")

	// unchanged: everything from the cache, both phases
	res = run(t, dir, bin, "-runner=vet", "-v", "-json", "./...")
	require.Equal(t, 3, res.code, res.stderr)
	assert.Equal(t, want, jsonFindings(t, dir, res.stdout))
	m = summary.FindStringSubmatch(res.stderr)
	require.NotNil(t, m, res.stderr)
	assert.Equal(t, "0", m[3], res.stderr)

	sarif := run(t, dir, bin, "-runner=vet", "-format=sarif", "./...")
	require.Equal(t, 3, sarif.code, sarif.stderr)
	assert.Contains(t, sarif.stdout, `"ruleId": "leak"`)

	// An edit analyses that package again, not its importers (its types
	// and facts did not change), and the join is the same: phase 2 is
	// read from the cache.
	appendFile(t, filepath.Join(dir, "store", "sql.go"), "// edited\n")
	res = run(t, dir, bin, "-runner=vet", "-v", "-json", "./...")
	require.Equal(t, 3, res.code, res.stderr)
	assert.Equal(t, want, jsonFindings(t, dir, res.stdout))
	m = summary.FindStringSubmatch(res.stderr)
	require.NotNil(t, m, res.stderr)
	assert.Equal(t, "1", m[3], res.stderr)
	assert.Contains(t, res.stderr, "  example.com/layered/store\n")

	// An edit that changes what the join knows: the repository's SQL
	// implementation now returns a sentinel error. Phase 1 analyses the
	// package again (and none of its importers), the join changes, and
	// phase 2 analyses the packages it names again: the handler's
	// findings through that repository are gone, as with the default
	// runner.
	sql := filepath.Join(dir, "store", "sql.go")
	b, err := os.ReadFile(sql)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(sql, bytes.Replace(b, []byte("id, err)"), []byte("id, model.ErrNotFound)"), 1), 0o644))
	want2 := jsonFindings(t, dir, run(t, dir, bin, "-runner=checker", "-json", "./...").stdout)
	require.NotEqual(t, want, want2)
	res = run(t, dir, bin, "-runner=vet", "-v", "-json", "./...")
	assert.Equal(t, want2, jsonFindings(t, dir, res.stdout))
	m = summary.FindStringSubmatch(res.stderr)
	require.NotNil(t, m, res.stderr)
	assert.NotEqual(t, "0", m[3], res.stderr)
	require.NoError(t, os.WriteFile(sql, b, 0o644))
	res = run(t, dir, bin, "-runner=vet", "-json", "./...")
	assert.Equal(t, want, jsonFindings(t, dir, res.stdout))

	// Damaged cache entries: the go command recomputes a truncated one;
	// one of the right size is caught here, and everything is analysed
	// again.
	cache := strings.TrimSpace(goEnv(t, "GOCACHE"))
	var outputs []string
	require.NoError(t, filepath.WalkDir(cache, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "-d") {
			return nil
		}
		if info, err := d.Info(); err != nil || info.ModTime().Before(start) || info.Size() > 1<<20 {
			return nil
		}
		b, err := os.ReadFile(path)
		if err == nil && bytes.Contains(b, []byte(dir)) && bytes.Contains(b, []byte(`"posn"`)) {
			outputs = append(outputs, path)
		}
		return nil
	}))
	require.NotEmpty(t, outputs, "the cached vet output of the copy")
	for i, path := range outputs {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		if i%2 == 0 {
			b = b[:len(b)/2] // truncated
		} else {
			b = bytes.Repeat([]byte("#"), len(b)) // same size, not JSON
		}
		require.NoError(t, os.Chmod(path, 0o644))
		require.NoError(t, os.WriteFile(path, b, 0o644))
	}
	res = run(t, dir, bin, "-runner=vet", "-json", "./...")
	require.Equal(t, 3, res.code, res.stderr)
	assert.Equal(t, want, jsonFindings(t, dir, res.stdout))
}

// TestVetRunnerNamedAfterDependency: a package vetted first as a
// dependency (facts only, no report) and then named gets its findings,
// although the go command keeps one result for both.
func TestVetRunnerNamedAfterDependency(t *testing.T) {
	dir := copyTree(t, "testdata/layered")
	nonce := fmt.Sprintf("-upstreamfacts.deps=test.invalid/%d", time.Now().UnixNano())
	want := jsonFindings(t, dir, run(t, dir, bin, "-runner=checker", "-json", "./handler").stdout)
	require.NotEmpty(t, want)
	// The runner names the linted modules' packages its packages depend
	// on, so that it does not vet them as dependencies first itself; go
	// vet run by hand with the runner's settings does.
	vet := exec.Command("go", "vet", "-vettool="+bin, "-json", nonce, "-upstreamfacts.collect=example.com/layered", "./cmd/server")
	vet.Dir = dir
	vet.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	require.NoError(t, vet.Run())
	res := run(t, dir, bin, "-runner=vet", nonce, "-json", "./handler")
	require.Equal(t, 3, res.code, res.stderr)
	assert.Equal(t, want, jsonFindings(t, dir, res.stdout), res.stderr)
	assert.Contains(t, res.stderr, "had no report")
}

// TestVetRunnerTestsDoNotTypeCheck: go vet analyses a package only with
// its test files; when they do not type-check (their helpers are behind
// a build tag), the runner analyses the package without them, as the
// checker runner analyses its non-test variant, and says so.
func TestVetRunnerTestsDoNotTypeCheck(t *testing.T) {
	dir := copyTree(t, "testdata/layered")
	write := func(name, text string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, "handler", name), []byte(text), 0o644))
	}
	write("helpers_db_test.go", "//go:build db\n\npackage handler\n\nfunc newTestStore() int { return 1 }\n")
	write("handler_test.go", "package handler\n\nimport \"testing\"\n\nfunc TestStore(t *testing.T) { _ = newTestStore() }\n")
	write("ext_test.go", "package handler_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/layered/handler\"\n)\n\nfunc TestExt(t *testing.T) { _ = handler.Handler{} }\n")

	want := run(t, dir, bin, "-runner=checker", "-json", "./...")
	require.Equal(t, 1, want.code, want.stderr) // the test variant fails
	require.Len(t, jsonFindings(t, dir, want.stdout), 6, want.stderr)
	res := run(t, dir, bin, "-runner=vet", "-json", "./...")
	assert.Equal(t, 1, res.code, res.stderr)
	assert.Equal(t, jsonFindings(t, dir, want.stdout), jsonFindings(t, dir, res.stdout), res.stderr)
	assert.Contains(t, res.stderr, "handler_test.go:5:36: undefined: newTestStore")
	assert.Contains(t, res.stderr, "upstreamlint: example.com/layered/handler: its test files do not type-check; analysed without them")

	// the default runner analyses the non-test variant as the checker
	// does, and reports the test variant's error
	res = run(t, dir, bin, "-json", "./...")
	assert.Equal(t, 1, res.code, res.stderr)
	assert.Equal(t, jsonFindings(t, dir, want.stdout), jsonFindings(t, dir, res.stdout), res.stderr)
	assert.Contains(t, res.stderr, "handler_test.go:5:36: undefined: newTestStore")
}

func appendFile(t *testing.T, name, text string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteString(text)
	require.NoError(t, err)
	require.NoError(t, f.Close())
}

func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	require.NoError(t, err)
	return string(out)
}
