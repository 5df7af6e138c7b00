package main_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExportRunner checks -runner=export against the checker on the
// layered service: the same findings, related information included,
// through the whole-program join, with and without test files; every
// format and -fix work from them.
func TestExportRunner(t *testing.T) {
	dir, err := filepath.Abs("testdata/layered")
	require.NoError(t, err)
	for _, tests := range []string{"-test=true", "-test=false"} {
		want := run(t, dir, bin, "-runner=checker", tests, "-json", "./...")
		require.Equal(t, 3, want.code, want.stderr)
		got := run(t, dir, bin, "-runner=export", tests, "-v", "-json", "./...")
		require.Equal(t, 3, got.code, got.stderr)
		assert.Equal(t, jsonFindings(t, dir, want.stdout), jsonFindings(t, dir, got.stdout), tests)
		assert.Regexp(t, `packages linted \(\d+ loaded with their dependencies, \d+ analysed from source, [56] analysed again by the whole-program join\)`, got.stderr)
	}

	sarif := run(t, dir, bin, "-runner=export", "-format=sarif", "./...")
	require.Equal(t, 3, sarif.code, sarif.stderr)
	assert.Contains(t, sarif.stdout, `"ruleId": "leak"`)

	// -fix: the same files as the checker's fixes
	fixed := func(runner string) map[string]string {
		d := copyTree(t, dir)
		res := run(t, d, bin, "-runner="+runner, "-fix", "./...")
		require.NotEqual(t, 1, res.code, res.stderr)
		files := make(map[string]string)
		require.NoError(t, filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			rel, _ := filepath.Rel(d, p)
			files[rel] = string(b)
			return err
		}))
		return files
	}
	want, got := fixed("checker"), fixed("export")
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
	for name, content := range files {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
	}
	svc := filepath.Join(dir, "svc")
	want := run(t, svc, bin, "-runner=checker", "-json", "./...")
	require.Equal(t, 3, want.code, want.stderr)
	wantFindings := jsonFindings(t, svc, want.stdout)
	require.Len(t, wantFindings, 1)
	assert.Contains(t, wantFindings[0], "h/h.go:16:16: passthrough: upstream status code is forwarded")

	got := run(t, svc, bin, "-runner=export", "-v", "-json", "./...")
	require.Equal(t, 3, got.code, got.stderr)
	assert.Equal(t, wantFindings, jsonFindings(t, svc, got.stdout))
	m := regexp.MustCompile(`1 packages linted \((\d+) loaded with their dependencies, (\d+) analysed from source`).FindStringSubmatch(got.stderr)
	require.NotNil(t, m, got.stderr)
	loaded, _ := strconv.Atoi(m[1])
	sourced, _ := strconv.Atoi(m[2])
	// h and dep/client; not dep/text, strings or net/http's own
	// dependencies (none of them imports a package the analysis knows)
	assert.Equal(t, 2, sourced, got.stderr)
	assert.Greater(t, loaded, 40, got.stderr)
}
