package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bin is the upstreamlint binary, built once for all tests.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "upstreamlint-e2e")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "upstreamlint")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// examples is the example service: a nested module with a helper package.
func examples(t *testing.T) string {
	dir, err := filepath.Abs("../../examples")
	require.NoError(t, err)
	return dir
}

type result struct {
	stdout, stderr string
	code           int
}

func run(t *testing.T, dir string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return result{stdout.String(), stderr.String(), code}
}

// The findings expected on the example service: the two passthrough
// handlers, one of them through the fact of a helper in another package.
var wantFindings = []string{
	"handlers/handlers.go:39:16: passthrough: upstream status code is forwarded to the client; map it to a status of this service",
	"handlers/handlers.go:59:43: passthrough: upstream status resp.StatusCode is forwarded to the client; map it to a status of this service",
	"handlers/handlers.go:76:17: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"handlers/handlers.go:89:3: softerror: error-only body map[string]string is sent with status 200 (no status written on this path); write an error status first",
}

func TestJSON(t *testing.T) {
	dir := examples(t)
	res := run(t, dir, bin, "-json", "./...")
	require.Equal(t, 0, res.code, res.stderr)
	// package -> analyzer -> diagnostics
	var tree map[string]map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &tree), res.stdout)
	var got []string
	for _, analyzers := range tree {
		for name, raw := range analyzers {
			var diags []struct {
				Posn    string `json:"posn"`
				Message string `json:"message"`
				Related []struct {
					Message string `json:"message"`
				} `json:"related"`
			}
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatalf("%s: %v: %s", name, err, raw)
			}
			for _, d := range diags {
				rel, err := filepath.Rel(dir, d.Posn)
				require.NoError(t, err)
				got = append(got, filepath.ToSlash(rel)+": "+name+": "+d.Message)
				if name == "softerror" {
					continue // no upstream value involved
				}
				require.Len(t, d.Related, 1, "the upstream call is related information")
				assert.Contains(t, d.Related[0].Message, "upstream call")
			}
		}
	}
	sort.Strings(got)
	assert.Equal(t, wantFindings, got)
}

func TestText(t *testing.T) {
	res := run(t, examples(t), bin, "./...")
	assert.Equal(t, 3, res.code, "exit code 3 reports findings")
	assert.Equal(t, 2, strings.Count(res.stderr, "is forwarded to the client"), res.stderr)
}

func TestVetTool(t *testing.T) {
	res := run(t, examples(t), "go", "vet", "-vettool="+bin, "./...")
	assert.NotEqual(t, 0, res.code, "go vet fails when the tool reports findings")
	for _, w := range wantFindings {
		for _, check := range []string{"passthrough: ", "leak: ", "softerror: "} {
			w = strings.Replace(w, check, "", 1)
		}
		assert.Contains(t, res.stderr, w)
	}
	assert.NotContains(t, res.stderr, "panic")

	// A flag of the check reaches the tool through go vet.
	res = run(t, examples(t), "go", "vet", "-vettool="+bin, "-passthrough.allow=example.com/upstreamlint-example/handlers", "-leak.allow=example.com/upstreamlint-example/handlers", "-softerror.allow=example.com/upstreamlint-example/handlers", "./...")
	assert.Equal(t, 0, res.code, res.stderr)
}

func TestExitCodes(t *testing.T) {
	dir := examples(t)
	res := run(t, dir, bin, "./inventory")
	assert.Equal(t, 0, res.code, "clean package: %s", res.stderr)

	res = run(t, dir, bin, "-nosuchflag", "./...")
	assert.Equal(t, 2, res.code)
	assert.Contains(t, res.stderr, "flag provided but not defined: -nosuchflag")

	res = run(t, dir, bin, "-passthrough.mapper=httperr", "./...")
	assert.Equal(t, 2, res.code)
	assert.Contains(t, res.stderr, `malformed function name "httperr"`)

	res = run(t, dir, bin, "./nosuchpackage")
	assert.Equal(t, 1, res.code)
	assert.NotEmpty(t, res.stderr)
}

// copyTree copies the example module into a temporary directory.
func copyTree(t *testing.T, src string) string {
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	require.NoError(t, err)
	return dst
}

func TestDiffAndFix(t *testing.T) {
	dir := copyTree(t, examples(t))
	before, err := os.ReadFile(filepath.Join(dir, "handlers/handlers.go"))
	require.NoError(t, err)

	res := run(t, dir, bin, "-fix", "-diff", "./...")
	assert.Contains(t, res.stdout, "+\tw.WriteHeader(mapUpstreamStatus(code))")
	assert.Contains(t, res.stdout, "+func mapUpstreamStatus(code int) int {")
	after, err := os.ReadFile(filepath.Join(dir, "handlers/handlers.go"))
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after), "-fix -diff changes nothing")

	res = run(t, dir, bin, "-fix", "./...")
	require.NotEqual(t, 1, res.code, res.stderr)
	fixed, err := os.ReadFile(filepath.Join(dir, "handlers/handlers.go"))
	require.NoError(t, err)
	assert.Equal(t, 1, strings.Count(string(fixed), "func mapUpstreamStatus("), "one helper per package")

	build := run(t, dir, "go", "build", "./...")
	require.Equal(t, 0, build.code, build.stderr)
	gofmt := run(t, dir, "gofmt", "-l", ".")
	assert.Empty(t, gofmt.stdout, "fixed files are gofmt-clean")
	again := run(t, dir, bin, "./...")
	assert.Equal(t, 0, again.code, "no findings after the fixes: %s", again.stderr)
}
