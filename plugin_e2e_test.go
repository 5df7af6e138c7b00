package upstreamlint_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/upstreamlint/upstreamlint/internal/testrepo"
)

// The test module golangci-lint runs on. Line and column numbers in
// TestGolangciLint refer to handlersGo.
const (
	e2eGoMod = "module example.com/e2e\n\ngo 1.26.0\n"

	// upstreamGo is a client helper: what it returns is an upstream status,
	// which importers learn through facts.
	upstreamGo = `// Package upstream is a client helper.
package upstream

import (
	"context"
	"net/http"
)

// Status returns the status the inventory service answered with.
func Status(ctx context.Context) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://inventory.internal/items", nil)
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
`

	// httperrGo is the service's own mapping function, for the mapper
	// setting, and its public text, for publicmsg.
	httperrGo = `// Package httperr maps upstream statuses.
package httperr

import "net/http"

// FromUpstream maps an upstream status to one of ours.
func FromUpstream(code int) int {
	if code >= 200 && code < 300 {
		return http.StatusOK
	}
	return http.StatusBadGateway
}

// Public is the text clients see for an error.
func Public(err error) string { return "the request could not be completed" }
`

	handlersGo = `// Package handlers answers clients.
package handlers

import (
	"net/http"

	"example.com/e2e/upstream"
)

// Forward reports: the upstream status becomes ours.
func Forward(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://inventory.internal/items")
	if err != nil {
		http.Error(w, "inventory unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}

// Suppressed is Forward with a //nolint:upstreamlint on the finding.
func Suppressed(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://inventory.internal/items")
	if err != nil {
		http.Error(w, "inventory unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode) //nolint:upstreamlint // the status page mirrors the inventory on purpose
}

// ViaHelper reports through the fact of the helper in another package.
func ViaHelper(w http.ResponseWriter, r *http.Request) {
	code, err := upstream.Status(r.Context())
	if err != nil {
		http.Error(w, "inventory unavailable", http.StatusBadGateway)
		return
	}
	w.WriteHeader(code)
}

// Decided is clean: the status is a decision of this service.
func Decided(w http.ResponseWriter, r *http.Request) {
	code, err := upstream.Status(r.Context())
	if err != nil || code >= 500 {
		http.Error(w, "inventory unavailable", http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Mirror is Forward with a //nolint:upstreamlint on the function.
//
//nolint:upstreamlint // the status page mirrors the inventory on purpose
func Mirror(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://inventory.internal/items")
	if err != nil {
		http.Error(w, "inventory unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}
`
)

// The findings with default settings: linter, check prefix, position.
const (
	findForward   = "handlers/handlers.go:18:16: upstreamlint: passthrough: upstream status resp.StatusCode is forwarded to the client; map it to a status of this service"
	findViaHelper = "handlers/handlers.go:39:16: upstreamlint: passthrough: upstream status code is forwarded to the client; map it to a status of this service"
	// what Suppressed and Mirror would report without their //nolint
	findSuppressed = "handlers/handlers.go:29:16: upstreamlint: passthrough: upstream status resp.StatusCode is forwarded to the client; map it to a status of this service"
	findMirror     = "handlers/handlers.go:62:16: upstreamlint: passthrough: upstream status resp.StatusCode is forwarded to the client; map it to a status of this service"
)

// The module of the status-rule subtest: handlers and a helper package.
const (
	respondGo = `// Package respond holds the module's response helpers.
package respond

import "net/http"

func ServerError(w http.ResponseWriter, err error) {
	http.Error(w, err.Error(), http.StatusInternalServerError)
}
`
	statusHandlersGo = `// Package handlers answers clients.
package handlers

import (
	"context"
	"net/http"

	"example.com/e2e/respond"
)

type Store interface{ Save(ctx context.Context) error }

type H struct{ Store Store }

func (h *H) Direct(w http.ResponseWriter, r *http.Request) {
	if err := h.Store.Save(r.Context()); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func (h *H) ViaHelper(w http.ResponseWriter, r *http.Request) {
	if err := h.Store.Save(r.Context()); err != nil {
		respond.ServerError(w, err)
	}
}
`
)

// TestGolangciLint builds golangci-lint v2 with the plugin compiled in
// (tools/golangci, what `golangci-lint custom` would build, without
// cloning golangci-lint) and runs it on a test module.
func TestGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint with the plugin (1.5-4 minutes cold); skipped in -short mode")
	}
	bin := buildGolangciLint(t)
	mod := writeModule(t, handlersGo)
	// One golangci-lint cache for the runs, none of the user's: results are
	// keyed by package contents, settings and binary, as for any user.
	t.Setenv("GOLANGCI_LINT_CACHE", t.TempDir())

	t.Run("findings", func(t *testing.T) {
		res := golangciRun(t, bin, mod, `passthrough: {}`)
		assert.Equal(t, 1, res.code, "exit code 1: issues found\n%s", res.stderr)
		assert.Equal(t, []string{findForward, findViaHelper}, res.issues,
			"Forward and ViaHelper (through a fact), not Suppressed and Mirror (//nolint) nor Decided (clean)")
	})

	t.Run("nolint suppresses", func(t *testing.T) {
		// The same module without the //nolint comments (the line stays, so
		// the positions do): Suppressed and Mirror report.
		bare := writeModule(t, strings.ReplaceAll(handlersGo, "//nolint:upstreamlint", "//"))
		res := golangciRun(t, bin, bare, `passthrough: {}`)
		assert.Equal(t, []string{findForward, findSuppressed, findViaHelper, findMirror}, res.issues)
	})

	t.Run("allow", func(t *testing.T) {
		res := golangciRun(t, bin, mod, `passthrough: {allow: ["example.com/e2e/handlers.Forward"]}`)
		assert.Equal(t, []string{findViaHelper}, res.issues, "the allowlisted function is silent")
	})

	t.Run("mapper", func(t *testing.T) {
		res := golangciRun(t, bin, mod, `passthrough: {mapper: example.com/e2e/httperr.FromUpstream}`)
		assert.Equal(t, []string{findForward, findViaHelper}, res.issues)
		assert.Equal(t, []string{"Route the status through httperr.FromUpstream"}, res.fixes, "the fix uses the configured mapper")
	})

	t.Run("status rule across packages", func(t *testing.T) {
		// The leak check's server-error rule under golangci-lint: an error
		// of unknown origin sent with a 500 is reported, and a helper of the
		// module that sends its error parameter with its own 500 is
		// reported once, in the helper, not at its caller in another package.
		dir := writeModule(t, statusHandlersGo)
		p := filepath.Join(dir, "respond", "respond.go")
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(respondGo), 0o644))
		res := golangciRun(t, bin, dir, `passthrough: {enable: false}`)
		assert.Equal(t, 1, res.code, res.stderr)
		assert.Equal(t, []string{
			"handlers/handlers.go:17:17: upstreamlint: leak: error text of err is sent with status 500; internal errors carry details of our dependencies: log it and send a generic message",
			"respond/respond.go:7:16: upstreamlint: leak: error text of err is sent with status 500; internal errors carry details of our dependencies: log it and send a generic message",
		}, res.issues)
	})

	t.Run("passthrough disabled", func(t *testing.T) {
		res := golangciRun(t, bin, mod, `passthrough: {enable: false}`)
		assert.Equal(t, 0, res.code, res.stderr)
		assert.Empty(t, res.issues)
	})

	t.Run("fix", func(t *testing.T) {
		// golangci-lint applies the suggested fixes itself: the helper both
		// fixes add is added once, and the result builds and is clean.
		dir := writeModule(t, handlersGo)
		res := golangciRun(t, bin, dir, `passthrough: {}`, "--fix")
		assert.Equal(t, 0, res.code, res.stderr)
		fixed, err := os.ReadFile(filepath.Join(dir, "handlers", "handlers.go"))
		require.NoError(t, err)
		assert.Contains(t, string(fixed), "\tw.WriteHeader(mapUpstreamStatus(resp.StatusCode))\n}\n\n// Suppressed")
		assert.Contains(t, string(fixed), "\tw.WriteHeader(mapUpstreamStatus(code))\n")
		assert.Equal(t, 1, strings.Count(string(fixed), "func mapUpstreamStatus("), "one helper")
		build := exec.Command("go", "vet", "./...")
		build.Dir = dir
		build.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=", "GOPROXY=off")
		out, err := build.CombinedOutput()
		require.NoError(t, err, "the fixed module builds: %s", out)
		res = golangciRun(t, bin, dir, `passthrough: {}`)
		assert.Equal(t, 0, res.code, res.stderr)
		assert.Empty(t, res.issues)
	})

	t.Run("example config", func(t *testing.T) {
		// .golangci.example.yml as a user copies it: golangci-lint accepts
		// it, and its settings (which allow nothing in the test module)
		// keep both findings.
		example := exampleConfig(t)
		dir := writeModule(t, handlersGo)
		cfgPath := filepath.Join(dir, ".golangci.yml")
		require.NoError(t, os.WriteFile(cfgPath, []byte(example), 0o644))
		// Only upstreamlint: golangci-lint's standard linters are not under test.
		res := golangciRunConfig(t, bin, dir, cfgPath, "--enable-only=upstreamlint")
		assert.Equal(t, 1, res.code, res.stderr)
		assert.Equal(t, []string{findForward, findViaHelper}, res.issues)
		assert.Equal(t, []string{"Route the status through httperr.FromUpstream"}, res.fixes)
	})

	t.Run("example config keeps findings on a line another linter reports", func(t *testing.T) {
		// With golangci-lint's standard linters, errcheck reports the
		// unchecked Encode that softerror reports too; golangci-lint keeps
		// one issue per line unless the configuration says otherwise, as
		// .golangci.example.yml does.
		example := exampleConfig(t)
		dir := writeModule(t, handlersGo)
		soft := filepath.Join(dir, "soft", "soft.go")
		require.NoError(t, os.MkdirAll(filepath.Dir(soft), 0o755))
		require.NoError(t, os.WriteFile(soft, []byte(`package soft

import (
	"encoding/json"
	"net/http"
)

func Missing(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]string{"error": "no such item"})
}
`), 0o644))
		for _, uniq := range []bool{false, true} {
			cfg := string(example)
			if uniq {
				cfg = strings.Replace(cfg, "uniq-by-line: false", "uniq-by-line: true", 1)
			}
			cfgPath := filepath.Join(t.TempDir(), ".golangci.yml")
			require.NoError(t, os.WriteFile(cfgPath, []byte(cfg), 0o644))
			res := golangciRunConfig(t, bin, dir, cfgPath, "--path-mode=abs")
			var onLine []string
			for _, is := range res.issues {
				if strings.HasPrefix(is, filepath.ToSlash(soft)+":9:") {
					onLine = append(onLine, is)
				}
			}
			softFinding := slices.ContainsFunc(onLine, func(is string) bool { return strings.Contains(is, ": upstreamlint: softerror: error-only body") })
			errcheck := slices.ContainsFunc(onLine, func(is string) bool { return strings.Contains(is, ": errcheck: ") })
			if uniq {
				assert.Len(t, onLine, 1, "golangci-lint's default keeps one issue of the line: %q", onLine)
			} else {
				assert.True(t, softFinding && errcheck, "the example config keeps both: %q\n%s", res.issues, res.stderr)
			}
		}
	})

	t.Run("whole program", func(t *testing.T) {
		// golangci-lint hands the plugin one package at a time; the plugin
		// gives each the whole program's findings (driver/hosted): the
		// standalone command's, on the layered service of
		// cmd/upstreamlint/testdata (interfaces and func values wired in
		// main) and on the e2e module's layered app (and fiberapp, whose
		// error handler is layeredapp's).
		standalone := buildCommand(t)
		for _, tc := range []struct {
			dir      string
			patterns []string
			env      []string
		}{
			{"cmd/upstreamlint/testdata/layered", []string{"./..."}, []string{"GOWORK=off", "GOFLAGS=", "GOPROXY=off"}},
			{"e2e/frameworks", []string{"./layeredapp/...", "./fiberapp/..."}, []string{"GOWORK=off", "GOFLAGS=-mod=readonly"}},
		} {
			t.Run(tc.dir, func(t *testing.T) {
				dir, err := filepath.Abs(filepath.FromSlash(tc.dir))
				require.NoError(t, err)
				start := time.Now()
				t.Logf("standalone on %s", tc.dir)
				want := standaloneIssues(t, standalone, dir, tc.env, tc.patterns)
				require.NotEmpty(t, want)
				t.Logf("golangci-lint on %s (%s; the plugin computes the module's whole program: minutes on e2e/frameworks)", tc.dir, time.Since(start).Round(time.Second))
				cfgPath := filepath.Join(t.TempDir(), ".golangci.yml")
				require.NoError(t, os.WriteFile(cfgPath, []byte(golangciConfig("")), 0o644))
				res := golangciExec(t, bin, dir, cfgPath, tc.env, append([]string{"--path-mode=abs"}, tc.patterns...)...)
				require.Equal(t, 1, res.code, res.stderr)
				got := make([]string, len(res.issues))
				for i, is := range res.issues {
					got[i] = strings.TrimPrefix(is, filepath.ToSlash(dir)+"/")
				}
				assert.Equal(t, want, got, "golangci-lint = standalone")
				t.Logf("done (%s)", time.Since(start).Round(time.Second))
			})
		}
	})

	for _, tc := range []struct{ name, settings, want string }{
		{"misspelled key", `passthrough: {mapperr: example.com/e2e/httperr.FromUpstream}`,
			`upstreamlint settings: unknown key "passthrough.mapperr": did you mean passthrough.mapper? (known keys of passthrough: enable, mapper,`},
		{"malformed mapper", `passthrough: {mapper: httperr}`,
			`upstreamlint settings: passthrough.mapper: malformed function name "httperr": want import/path.Func`},
		{"wrong type", `passthrough: {enable: "yes"}`,
			`upstreamlint settings: passthrough.enable: got a string, want true or false`},
		// well-formed, but not a func(int) int of the build: found when
		// the plugin computes the whole program, before the packages load
		{"mapper not in the build", `passthrough: {mapper: example.com/e2e/nosuch.Map}`,
			`upstreamlint settings: passthrough.mapper: example.com/e2e/nosuch.Map: package example.com/e2e/nosuch cannot be loaded: no required module provides package example.com/e2e/nosuch`},
		{"mapper of another signature", `passthrough: {mapper: example.com/e2e/upstream.Status}`,
			`upstreamlint settings: passthrough.mapper: example.com/e2e/upstream.Status: upstream.Status is func(ctx context.Context) (int, error); want func(int) int`},
		// without the whole program: by the analysis of the package whose
		// fix would call it (handlers does not import httperr: the plugin
		// loads it)
		{"misspelled mapper, whole program off", `whole-program: false, passthrough: {mapper: example.com/e2e/httperr.FromUpstrem}`,
			`upstreamlint settings: passthrough.mapper: example.com/e2e/httperr.FromUpstrem: package example.com/e2e/httperr has no function FromUpstrem (did you mean FromUpstream?)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := golangciRun(t, bin, mod, tc.settings)
			assert.Equal(t, 3, res.code, "exit code 3: failure\n%s", res.stderr)
			assert.Contains(t, res.stderr, tc.want)
			assert.Empty(t, res.issues)
		})
	}
}

// exampleConfig is .golangci.example.yml with its functions, which name
// a service's packages (example.com/svc/httperr), taken from the test
// module: a function setting that does not resolve in the build stops
// golangci-lint. The gRPC code mapper is left out: the module, built
// offline, has no grpc to take codes.Code from.
func exampleConfig(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(".golangci.example.yml")
	require.NoError(t, err)
	cfg := strings.ReplaceAll(string(data), "example.com/svc/httperr.", "example.com/e2e/httperr.")
	codemapper := regexp.MustCompile(`(?m)^ *codemapper: .*\n`)
	require.Len(t, codemapper.FindAllString(cfg, -1), 1)
	return codemapper.ReplaceAllString(cfg, "")
}

// buildGolangciLint builds tools/golangci into a temporary directory. The
// Go build cache is the user's, so only the first build is slow.
func buildGolangciLint(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "golangci-lint")
	ctx := context.Background()
	if deadline, ok := t.Deadline(); ok {
		// Fail with a message, not a panic of the test binary, and leave
		// time for the runs.
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline.Add(-time.Minute))
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, ".")
	cmd.Dir = filepath.Join("tools", "golangci")
	// -mod=readonly: the committed go.mod and go.sum must be complete.
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly -buildvcs=false")
	start := time.Now()
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("building golangci-lint did not finish before the test deadline (%s); run go test with a longer -timeout\n%s", time.Since(start).Round(time.Second), out)
	}
	require.NoError(t, err, "building tools/golangci (after a change of the root go.mod, run: cd tools/golangci && go mod tidy):\n%s", out)
	t.Logf("built golangci-lint with the plugin in %s", time.Since(start).Round(100*time.Millisecond))
	return bin
}

// writeModule writes the test module with the given handlers package.
func writeModule(t *testing.T, handlers string) string {
	t.Helper()
	dir := t.TempDir()
	testrepo.WriteFiles(t, dir, map[string]string{
		"go.mod":               e2eGoMod,
		"upstream/upstream.go": upstreamGo,
		"httperr/httperr.go":   httperrGo,
		"handlers/handlers.go": handlers,
	})
	return dir
}

type golangciResult struct {
	code   int
	issues []string // "file:line:col: linter: text", sorted
	fixes  []string // messages of suggested fixes, deduplicated
	stderr string
}

// golangciConfig is a configuration that enables only upstreamlint, with
// settings (a YAML flow mapping's contents) as its settings, and keeps
// every issue.
func golangciConfig(settings string) string {
	return fmt.Sprintf(`version: "2"
linters:
  default: none
  enable: [upstreamlint]
  settings:
    custom:
      upstreamlint:
        type: module
        description: upstreamlint checks
        settings: {%s}
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
`, settings)
}

// golangciRun runs golangci-lint in mod with golangciConfig(settings).
func golangciRun(t *testing.T, bin, mod, settings string, args ...string) golangciResult {
	t.Helper()
	cfg := golangciConfig(settings)
	cfgPath := filepath.Join(mod, ".golangci.yml")
	require.NoError(t, os.WriteFile(cfgPath, []byte(cfg), 0o644))
	return golangciRunConfig(t, bin, mod, cfgPath, args...)
}

// golangciRunConfig runs golangci-lint in mod with the configuration file cfgPath.
func golangciRunConfig(t *testing.T, bin, mod, cfgPath string, args ...string) golangciResult {
	t.Helper()
	env := []string{
		"GOWORK=off",
		"GOFLAGS=",
		"GOPROXY=off", // the test module has no dependencies: linting is offline
	}
	return golangciExec(t, bin, mod, cfgPath, env, append(args, "./...")...)
}

// golangciExec runs golangci-lint run in dir with the configuration file
// cfgPath, the environment variables env added to the test's, and args
// (flags, then packages).
func golangciExec(t *testing.T, bin, dir, cfgPath string, env []string, args ...string) golangciResult {
	t.Helper()
	args = append([]string{"run", "--config", cfgPath, "--output.json.path=stdout", "--show-stats=false"}, args...)
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := golangciResult{stderr: stderr.String()}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		res.code = exit.ExitCode()
	} else {
		require.NoError(t, err)
	}
	assert.NotContains(t, res.stderr, "panic")
	if stdout.Len() == 0 {
		return res
	}
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
			SuggestedFixes []struct{ Message string }
		}
	}
	// The JSON report is the first value on stdout.
	require.NoError(t, json.NewDecoder(&stdout).Decode(&report), "stdout: %s\nstderr: %s", stdout.String(), res.stderr)
	for _, is := range report.Issues {
		res.issues = append(res.issues, fmt.Sprintf("%s:%d:%d: %s: %s", filepath.ToSlash(is.Pos.Filename), is.Pos.Line, is.Pos.Column, is.FromLinter, is.Text))
		for _, f := range is.SuggestedFixes {
			if !slices.Contains(res.fixes, f.Message) {
				res.fixes = append(res.fixes, f.Message)
			}
		}
	}
	slices.Sort(res.issues)
	return res
}

// buildCommand builds cmd/upstreamlint into a temporary directory.
func buildCommand(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "upstreamlint")
	out, err := exec.Command("go", "build", "-o", bin, "./cmd/upstreamlint").CombinedOutput()
	require.NoError(t, err, "go build ./cmd/upstreamlint:\n%s", out)
	return bin
}

// standaloneIssues runs the standalone command on the whole module in
// dir and returns its findings in the files of the packages the patterns
// name, as golangciRun prints issues ("file:line:col: upstreamlint:
// check: message", paths relative to dir), each once, sorted.
func standaloneIssues(t *testing.T, bin, dir string, env, patterns []string) []string {
	t.Helper()
	cmd := exec.Command(bin, "-json", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	require.True(t, err == nil || errors.As(err, &exit) && exit.ExitCode() == 3, "%v\n%s", err, stderr.String())
	var tree map[string]map[string][]struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &tree), stdout.String())
	var out []string
	for _, checks := range tree {
		for check, diags := range checks {
			for _, d := range diags {
				rel, err := filepath.Rel(dir, d.Posn)
				require.NoError(t, err)
				rel = filepath.ToSlash(rel)
				linted := false
				for _, p := range patterns {
					prefix := strings.TrimSuffix(strings.TrimPrefix(p, "./"), "...")
					linted = linted || strings.HasPrefix(rel, prefix)
				}
				if s := fmt.Sprintf("%s: upstreamlint: %s: %s", rel, check, d.Message); linted && !slices.Contains(out, s) {
					out = append(out, s)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}
