package main_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"go/version"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/checks"
	"github.com/upstreamlint/upstreamlint/driver"
	"github.com/upstreamlint/upstreamlint/internal/testprocs"
	"github.com/upstreamlint/upstreamlint/internal/testrepo"
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
	code := testprocs.Main(m) // and no process the tests started outlives them
	os.RemoveAll(dir)
	os.Exit(code)
}

// slow skips, in -short mode, a test that runs go vet or go fix, or the
// command with cold caches or on the whole program: -short is the
// contributors' loop (under a minute); the full suite runs them all.
func slow(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs go vet, go fix or cold analyses: skipped in -short mode")
	}
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

// oracle runs the command in this process with the oracle
// (driver.Command.Oracle: the whole program analysed from source by
// go/analysis/checker) instead of the runner, in the environment run
// gives the binary.
func oracle(t *testing.T, dir string, args ...string) result {
	t.Helper()
	t.Setenv("GOWORK", "off")
	t.Setenv("GOFLAGS", "-mod=mod")
	shared := analyzer.New(analyzer.DefaultConfig())
	var stdout, stderr bytes.Buffer
	cmd := &driver.Command{Tool: driver.Tool{Name: "upstreamlint"}, Dir: dir, Stdout: &stdout, Stderr: &stderr, Shared: shared, Oracle: true}
	code := cmd.Run(args, checks.New(shared.Analyzer))
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
	require.Equal(t, 3, res.code, "-json exits with 3 on findings, as every format (unless -exit-zero): %s", res.stderr)
	var got []string
	for name, diags := range decodeTree(t, res.stdout) {
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
	sort.Strings(got)
	assert.Equal(t, wantFindings, got)
}

func TestText(t *testing.T) {
	res := run(t, examples(t), bin, "./...")
	assert.Equal(t, 3, res.code, "exit code 3 reports findings")
	// On stdout, "path:line:col: message (check)" with paths relative to
	// the working directory, each related location indented under it;
	// on stderr, one line of counts.
	for _, w := range wantFindings {
		// "file:line:col: check: message" -> "file:line:col: message (check)"
		parts := strings.SplitN(w, ": ", 3)
		assert.Contains(t, res.stdout, parts[0]+": "+parts[2]+" ("+parts[1]+")\n")
	}
	assert.Contains(t, res.stdout, "handlers/handlers.go:59:43: upstream status resp.StatusCode is forwarded to the client; map it to a status of this service (passthrough)\n\thandlers/handlers.go:52:15: upstream call h.Client.Do(…)\n")
	assert.Equal(t, "upstreamlint: 4 findings: 2 passthrough, 1 leak, 1 softerror; 4 fixable with -fix\n", res.stderr)

	// Machine formats have no such line, and a clean run prints nothing.
	res = run(t, examples(t), bin, "-json", "./...")
	assert.NotContains(t, res.stderr, "findings:")
	res = run(t, examples(t), bin, "-passthrough.allow=example.com/upstreamlint-example/...", "-leak.allow=example.com/upstreamlint-example/...", "-softerror.allow=example.com/upstreamlint-example/...", "./...")
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Empty(t, res.stderr)
	assert.Empty(t, res.stdout)
}

func TestVetTool(t *testing.T) {
	slow(t)
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

// withFuncs is a copy of the example module with functions for the
// function settings (-passthrough.mapper and the like): a package of
// mappings that no linted package imports, a program, and a package that
// does not compile.
func withFuncs(t *testing.T) string {
	dir := copyTree(t, examples(t))
	testrepo.WriteFiles(t, dir, map[string]string{
		"httperr/httperr.go": `// Package httperr maps upstream statuses and errors.
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

// Describe is not a mapping: it takes two arguments.
func Describe(code int, msg string) string { return msg }

// Mapper is a variable, not a function.
var Mapper = FromUpstream
`,
		"cmd/tool/main.go": "package main\n\nfunc Map(code int) int { return code }\n\nfunc main() {}\n",
		"broken/broken.go": "package broken\n\nfunc Map(code int) int { return code + \"1\" }\n",
	})
	return dir
}

// TestFuncSettings: a function setting that is well-formed but does not
// resolve in the build is a usage error (exit 2) whose message names
// the setting, its value and why, before any fix is made; one that
// resolves makes the fixes call it, also from a package of a module the
// linted packages do not import.
func TestFuncSettings(t *testing.T) {
	slow(t)
	dir := withFuncs(t)
	const m = "example.com/upstreamlint-example/"
	for _, tc := range []struct {
		setting string
		want    string
		pattern string // the packages linted; "" for ./...
	}{
		{"-passthrough.mapper=httperr", `invalid value "httperr" for flag -passthrough.mapper: malformed function name "httperr": want import/path.Func`, ""},
		{"-passthrough.mapper=./httperr.FromUpstream", `malformed function name "./httperr.FromUpstream": "./httperr" is not an import path`, ""},
		// the go command's words: with -mod=readonly in GOFLAGS (the
		// default) "no required module provides package …; to add it:
		// go get …", with -mod=mod as here the runner asks for
		// -mod=readonly, lest go.mod change
		{"-passthrough.mapper=example.com/x.F", "upstreamlint: -passthrough.mapper=example.com/x.F: package example.com/x cannot be loaded: cannot find module providing package example.com/x: import lookup disabled by -mod=readonly\n", ""},
		{"-passthrough.mapper=" + m + "httperr.FromUpstrem", "upstreamlint: -passthrough.mapper=" + m + "httperr.FromUpstrem: package " + m + "httperr has no function FromUpstrem (did you mean FromUpstream?)\n", ""},
		{"-passthrough.mapper=" + m + "httperr.Describe", "upstreamlint: -passthrough.mapper=" + m + "httperr.Describe: httperr.Describe is func(code int, msg string) string; want func(int) int\n", ""},
		{"-passthrough.mapper=" + m + "httperr.Mapper", ": httperr.Mapper is a variable, not a function\n", ""},
		{"-passthrough.mapper=" + m + "cmd/tool.Map", ": " + m + "cmd/tool is a program (package main), which cannot be imported\n", ""},
		{"-passthrough.mapper=" + m + "broken.Map", ": package " + m + "broken does not compile: ", ""},
		{"-passthrough.codemapper=" + m + "httperr.FromUpstream", "upstreamlint: -passthrough.codemapper=" + m + "httperr.FromUpstream: httperr.FromUpstream is func(code int) int; want func(codes.Code) codes.Code\n", ""},
		{"-leak.publicmsg=" + m + "httperr.FromUpstream", "upstreamlint: -leak.publicmsg=" + m + "httperr.FromUpstream: httperr.FromUpstream is func(code int) int; want func(error) string\n", ""},
		// packages the linted ones do not import: loaded on their own
		{"-passthrough.mapper=" + m + "httperr.Describe", "upstreamlint: -passthrough.mapper=" + m + "httperr.Describe: httperr.Describe is func(code int, msg string) string; want func(int) int\n", "./handlers"},
		{"-passthrough.mapper=" + m + "broken.Map", ": package " + m + "broken cannot be loaded: ", "./handlers"},
		{"-passthrough.mapper=" + m + "nosuch.Map", ": package " + m + "nosuch cannot be loaded: cannot find module providing package " + m + "nosuch", "./handlers"},
	} {
		pattern := cmp.Or(tc.pattern, "./...")
		res := run(t, dir, bin, "-diff", tc.setting, pattern)
		assert.Equal(t, 2, res.code, "%s %s: %s", tc.setting, pattern, res.stderr)
		assert.Contains(t, res.stderr, tc.want, "%s %s", tc.setting, pattern)
		assert.Empty(t, res.stdout, "%s %s: no diff", tc.setting, pattern)
	}

	// the oracle (analysis from source) checks the settings as the runner does
	res := oracle(t, dir, "-passthrough.mapper="+m+"httperr.Describe", "./...")
	assert.Equal(t, 2, res.code, res.stderr)
	assert.Contains(t, res.stderr, "httperr.Describe is func(code int, msg string) string; want func(int) int")
	res = oracle(t, dir, "-passthrough.mapper=example.com/x.F", "./...")
	assert.Equal(t, 2, res.code, res.stderr)
	assert.Contains(t, res.stderr, "package example.com/x cannot be loaded: cannot find module providing package example.com/x")

	// Functions that resolve: the fixes call them, in a package of the
	// graph (./...) or one loaded on its own (./handlers), and the fixed
	// module builds and has no finding left.
	require.NoError(t, os.RemoveAll(filepath.Join(dir, "broken")))
	for _, pattern := range []string{"./...", "./handlers"} {
		res := run(t, dir, bin, "-diff", "-passthrough.mapper="+m+"httperr.FromUpstream", "-leak.publicmsg="+m+"httperr.Public", pattern)
		assert.Equal(t, 3, res.code, "%s: %s", pattern, res.stderr)
		assert.Contains(t, res.stdout, "+\tw.WriteHeader(httperr.FromUpstream(code))", pattern)
		assert.Contains(t, res.stdout, "+\t\thttp.Error(w, httperr.Public(err), http.StatusBadGateway)", pattern)
		assert.NotContains(t, res.stdout, "mapUpstreamStatus", pattern)
	}
	res = run(t, dir, bin, "-fix", "-passthrough.mapper="+m+"httperr.FromUpstream", "-leak.publicmsg="+m+"httperr.Public", "./...")
	require.NotEqual(t, 1, res.code, res.stderr)
	build := run(t, dir, "go", "build", "./...")
	require.Equal(t, 0, build.code, build.stderr)
	again := run(t, dir, bin, "-passthrough.mapper="+m+"httperr.FromUpstream", "-passthrough", "-leak", "./...")
	assert.Equal(t, 0, again.code, "the mapper's calls count as mappings: %s", again.stderr)
}

// TestFuncSettingsVet: under go vet a function setting that does not
// resolve fails the analysis with the setting's error, in every package
// with the whole program (the checks fail with it, so go vet, which
// shows one analyzer's error of a package, shows this one), in those
// whose fixes would call it without (the go command loads the package a
// package does not import); go vet -fix calls one that resolves.
func TestFuncSettingsVet(t *testing.T) {
	slow(t)
	dir := withFuncs(t)
	require.NoError(t, os.RemoveAll(filepath.Join(dir, "broken")))
	const m = "example.com/upstreamlint-example/"
	for _, tc := range []struct {
		args     []string
		want     string
		packages int // how many packages fail with it
	}{
		{[]string{"-passthrough.mapper=" + m + "httperr.Describe"}, "-passthrough.mapper=" + m + "httperr.Describe: httperr.Describe is func(code int, msg string) string; want func(int) int", 5},
		{[]string{"-upstreamfacts.whole=false", "-passthrough.mapper=example.com/x.F"}, "-passthrough.mapper=example.com/x.F: package example.com/x cannot be loaded: cannot find module providing package example.com/x", 1},
	} {
		res := run(t, dir, "go", append(append([]string{"vet", "-vettool=" + bin}, tc.args...), "./...")...)
		assert.Equal(t, 1, res.code, "%v: %s", tc.args, res.stderr)
		assert.Equal(t, tc.packages, strings.Count(res.stderr, tc.want), "%v: %s", tc.args, res.stderr)
		assert.NotContains(t, res.stderr, "failed prerequisites", "%v", tc.args)
		assert.NotContains(t, res.stderr, "whole program of module", "%v: a setting, not the join", tc.args)
	}

	res := run(t, dir, "go", "vet", "-vettool="+bin, "-fix", "-passthrough.mapper="+m+"httperr.FromUpstream", "./...")
	require.Equal(t, 0, res.code, res.stderr)
	fixed, err := os.ReadFile(filepath.Join(dir, "handlers", "handlers.go"))
	require.NoError(t, err)
	assert.Contains(t, string(fixed), "w.WriteHeader(httperr.FromUpstream(code))")
	build := run(t, dir, "go", "build", "./...")
	require.Equal(t, 0, build.code, build.stderr)
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

// finding splits a line of wantFindings, "file:line:col: check: message".
type finding struct {
	file, check, message string
	line, col            int
}

func parseFinding(t *testing.T, s string) finding {
	var f finding
	pos, rest, _ := strings.Cut(s, ": ")
	f.check, f.message, _ = strings.Cut(rest, ": ")
	parts := strings.Split(pos, ":")
	require.Len(t, parts, 3, s)
	f.file = parts[0]
	_, err := fmt.Sscan(parts[1]+" "+parts[2], &f.line, &f.col)
	require.NoError(t, err, s)
	return f
}

func (f finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", f.file, f.line, f.col, f.check, f.message)
}

// TestGitHubFormat checks the workflow commands: one error annotation
// per finding, its path relative to the repository's root (examples/ is
// a module in this repository).
func TestGitHubFormat(t *testing.T) {
	res := run(t, examples(t), bin, "-format=github", "./...")
	assert.Equal(t, 3, res.code, res.stderr)
	repoPath := "examples/"
	if err := exec.Command("git", "-C", examples(t), "rev-parse").Run(); err != nil {
		repoPath = "" // not in a git checkout: relative to the module root
	}
	lines := strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n")
	assert.Len(t, lines, len(wantFindings), res.stdout)
	for _, w := range wantFindings {
		f := parseFinding(t, w)
		prefix := fmt.Sprintf("::error file=%s%s,line=%d,col=%d,", repoPath, f.file, f.line, f.col)
		title := fmt.Sprintf(",title=upstreamlint (%s)::%s", f.check, f.message)
		found := false
		for _, l := range lines {
			first, _, _ := strings.Cut(l, "%0A") // related locations follow
			found = found || strings.HasPrefix(first, prefix) && strings.HasSuffix(first, title)
		}
		assert.True(t, found, "no annotation for %s in\n%s", w, res.stdout)
	}
}

// TestSARIFFormat checks the SARIF run: a rule per check, the findings
// with paths relative to the module root, and a fix for the passthrough
// findings. The driver's tests validate the format itself.
func TestSARIFFormat(t *testing.T) {
	res := run(t, examples(t), bin, "-format=sarif", "./...")
	assert.Equal(t, 3, res.code, res.stderr)
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Name  string
					Rules []struct{ ID, HelpURI string }
				}
			}
			Results []struct {
				RuleID    string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
				Fixes []json.RawMessage
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &log), res.stdout)
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	assert.Equal(t, "upstreamlint", run.Tool.Driver.Name)
	var rules, want []string
	for _, r := range run.Tool.Driver.Rules {
		rules = append(rules, r.ID)
		assert.NotEmpty(t, r.HelpURI, r.ID)
	}
	for _, a := range checks.All() {
		want = append(want, a.Name)
	}
	sort.Strings(want)
	assert.Equal(t, want, rules, "one rule per check")

	var got []string
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		assert.Equal(t, "%SRCROOT%", loc.ArtifactLocation.URIBaseID)
		got = append(got, finding{loc.ArtifactLocation.URI, r.RuleID, r.Message.Text, loc.Region.StartLine, loc.Region.StartColumn}.String())
		if r.RuleID == "passthrough" {
			assert.Len(t, r.Fixes, 1, "the passthrough fix")
		}
	}
	sort.Strings(got)
	assert.Equal(t, wantFindings, got)
}

// TestRDJSONFormat checks reviewdog's format: the findings with byte
// columns and the passthrough fix as suggestions, the call rewritten first.
func TestRDJSONFormat(t *testing.T) {
	res := run(t, examples(t), bin, "-format=rdjson", "./...")
	assert.Equal(t, 3, res.code, res.stderr)
	var out struct {
		Source      struct{ Name string }
		Diagnostics []struct {
			Message  string
			Location struct {
				Path  string
				Range struct{ Start struct{ Line, Column int } }
			}
			Code        struct{ Value string }
			Suggestions []struct{ Text string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &out), res.stdout)
	assert.Equal(t, "upstreamlint", out.Source.Name)
	var got []string
	for _, d := range out.Diagnostics {
		got = append(got, finding{d.Location.Path, d.Code.Value, d.Message, d.Location.Range.Start.Line, d.Location.Range.Start.Column}.String())
		if d.Code.Value == "passthrough" {
			require.NotEmpty(t, d.Suggestions)
			assert.Regexp(t, `^mapUpstreamStatus\(.*\)$`, d.Suggestions[0].Text)
		}
	}
	sort.Strings(got)
	assert.Equal(t, wantFindings, got)
}

// TestVersion checks -V for people and -V=full for go vet.
func TestVersion(t *testing.T) {
	res := run(t, examples(t), bin, "-V")
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Regexp(t, `^upstreamlint version \S+\n$`, res.stdout)

	res = run(t, examples(t), bin, "-V=full")
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Contains(t, res.stdout, "buildID=", "go vet's protocol")

	res = run(t, examples(t), bin, "-flags")
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Contains(t, res.stdout, `"Name": "passthrough.mapper"`, "go vet learns the check flags")
}

// TestDepsFlag: the shared analysis's one setting, -upstreamfacts.deps,
// is a flag of the command and of go vet; it makes a user's client
// package a source of dependency errors.
func TestDepsFlag(t *testing.T) {
	slow(t)
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/depsmod\n\ngo 1.22\n",
		"kv/kv.go": `package kv

import "errors"

type Client struct{ Addr string }

func (c *Client) Get(key string) (string, error) {
	return "", errors.New("dial tcp " + c.Addr + ": connection refused")
}
`,
		"h/h.go": `package h

import (
	"net/http"

	"example.com/depsmod/kv"
)

var cache = &kv.Client{Addr: "10.0.3.7:6379"}

func Handle(w http.ResponseWriter, r *http.Request) {
	v, err := cache.Get("session")
	if err != nil {
		// a client-error status: only a proven dependency error is reported
		http.Error(w, err.Error(), http.StatusTooManyRequests)
		return
	}
	w.Write([]byte(v))
}
`,
	}
	for name, content := range files {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
	}
	res := run(t, dir, bin, "./...")
	assert.Equal(t, 0, res.code, "without -upstreamfacts.deps kv is unknown: %s", res.stderr)

	res = run(t, dir, bin, "-upstreamfacts.deps=example.com/depsmod/kv", "./...")
	assert.Equal(t, 3, res.code)
	assert.Contains(t, res.stdout, "h/h.go:15:17: dependency error err.Error() is sent to the client")

	res = run(t, dir, "go", "vet", "-vettool="+bin, "-upstreamfacts.deps=example.com/depsmod/kv", "./...")
	assert.NotEqual(t, 0, res.code)
	assert.Contains(t, res.stderr, "h/h.go:15:17: dependency error err.Error() is sent to the client")

	res = run(t, dir, bin, "-upstreamfacts.deps=example.com/...", "./...")
	assert.Equal(t, 2, res.code)
	assert.Contains(t, res.stderr, "malformed import path")
}

// -debug.stats prints the engine's work; a budget too small for any
// handler gives every function up, silently: no findings, the functions
// named in the statistics.
func TestStatsAndBudget(t *testing.T) {
	res := run(t, examples(t), bin, "-debug.stats", "./...")
	assert.Equal(t, 3, res.code, res.stderr)
	assert.Regexp(t, `upstreamlint: engine: \d+ packages, [1-9]\d* functions, [1-9]\d* units of work, 0 functions given up over budget; costliest: \S+ \(\d+\)`, res.stderr)

	res = run(t, examples(t), bin, "-debug.stats", "-upstreamfacts.budget=2", "./...")
	assert.Equal(t, 0, res.code, "nothing is reported in functions over budget: %s", res.stderr)
	assert.Regexp(t, `[1-9]\d* functions given up over budget`, res.stderr)
	assert.Contains(t, res.stderr, "upstreamlint: engine: gave up on example.com/upstreamlint-example/handlers.")

	res = run(t, examples(t), bin, "-upstreamfacts.budget=0", "./...")
	assert.Equal(t, 2, res.code, res.stderr)
	assert.Contains(t, res.stderr, `invalid value "0" for flag -upstreamfacts.budget: malformed count "0": want a whole number greater than zero`)
}

// A module that requires Go 1.27 is analysed by an upstreamlint built
// with Go 1.27 (scripts/test-go1.27 runs the suite so); built with an
// older Go, the command says in one line what to do instead of printing
// the type errors of every package.
func TestModuleRequiringGo127(t *testing.T) {
	dir := t.TempDir()
	testrepo.WriteFiles(t, dir, map[string]string{"go.mod": "module example.com/m127\n\ngo 1.27\n", "main.go": testrepo.OldHandler})
	if version.Compare(runtime.Version(), "go1.27") >= 0 {
		res := run(t, dir, bin, "./...")
		assert.Equal(t, 3, res.code, res.stderr)
		assert.Contains(t, res.stdout, "main.go:11:17: dependency error err.Error() is sent to the client")
		assert.Contains(t, res.stdout, "main.go:15:16: upstream status resp.StatusCode is forwarded to the client")
		return
	}
	cmd := exec.Command(bin, "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local") // no toolchain download in this test
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, stderr.String())
	assert.Equal(t, 1, exit.ExitCode(), stderr.String())
	assert.Equal(t, 1, strings.Count(stderr.String(), "\n"), "one line: %s", stderr.String())
	assert.Contains(t, stderr.String(), "upstreamlint: the module needs a newer Go than the go command here (go.mod requires go >= 1.27")
	assert.Contains(t, stderr.String(), "build upstreamlint with it too")
}

const newFromGoMod = "module example.com/newfrom\n\ngo 1.26\n"

func TestNewFromRev(t *testing.T) {
	dir := testrepo.New(t, map[string]string{"go.mod": newFromGoMod, "main.go": testrepo.OldHandler})
	first := testrepo.Git(t, dir, "rev-parse", "HEAD")

	// Nothing changed since HEAD: nothing is new.
	res := run(t, dir, bin, "-new-from-rev=HEAD", "./...")
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Empty(t, res.stderr)

	// A new file (untracked) with a finding, and an edit of the old
	// handler's upstream call only: the passthrough at the old sink line
	// is new too, because its upstream call changed; the leak line and
	// the call did not move.
	testrepo.WriteFiles(t, dir, map[string]string{
		"main.go":  strings.Replace(testrepo.OldHandler, `"http://users.internal/me"`, `"http://users.internal/v2/me"`, 1),
		"added.go": testrepo.AddedFile,
	})
	res = run(t, dir, bin, "-new-from-rev=HEAD", "./...")
	assert.Equal(t, 3, res.code, res.stderr)
	assert.Contains(t, res.stdout, "added.go:11:16: upstream status resp.StatusCode is forwarded")
	assert.Contains(t, res.stdout, "main.go:11:17: dependency error err.Error() is sent", "its upstream call changed")
	assert.Contains(t, res.stdout, "main.go:15:16: upstream status resp.StatusCode is forwarded", "its upstream call changed")
	assert.Contains(t, res.stderr, "upstreamlint: 3 findings:")

	// Committed, then a change elsewhere: only findings on changed lines.
	testrepo.Git(t, dir, "add", "-A")
	testrepo.Git(t, dir, "commit", "-q", "-m", "second")
	testrepo.WriteFiles(t, dir, map[string]string{
		"added.go": strings.Replace(testrepo.AddedFile, "w.WriteHeader(resp.StatusCode)", "w.WriteHeader(resp.StatusCode) // changed line", 1),
	})
	res = run(t, dir, bin, "-new-from-rev=HEAD", "-format=json", "./...")
	assert.Equal(t, 3, res.code, res.stderr)
	assert.Equal(t, 1, strings.Count(res.stdout, `"message": "upstream status`), "one new finding, in every format: %s", res.stdout)
	assert.NotContains(t, res.stdout, "main.go")
	assert.Contains(t, res.stdout, "added.go:11:16")
	res = run(t, dir, bin, "-new-from-rev="+first, "./...")
	assert.Equal(t, 3, res.code, res.stderr)
	assert.Contains(t, res.stderr, "upstreamlint: 3 findings:", "since the first commit: all three")

	// -new-from-merge-base: a branch that changed nothing of its own since
	// it forked from main reports only what the working tree changed.
	testrepo.Git(t, dir, "checkout", "-q", "-b", "topic")
	res = run(t, dir, bin, "-new-from-merge-base=main", "./...")
	assert.Equal(t, 3, res.code, res.stderr)
	assert.Contains(t, res.stderr, "upstreamlint: 1 finding: 1 passthrough")
}

func TestNewFromRevErrors(t *testing.T) {
	dir := testrepo.New(t, map[string]string{"go.mod": newFromGoMod, "main.go": testrepo.OldHandler})
	res := run(t, dir, bin, "-new-from-rev=no-such-rev", "./...")
	assert.Equal(t, 2, res.code, res.stderr)
	assert.Contains(t, res.stderr, `upstreamlint: -new-from-rev: unknown revision "no-such-rev"`)

	res = run(t, dir, bin, "-new-from-rev=HEAD", "-new-from-merge-base=main", "./...")
	assert.Equal(t, 2, res.code, res.stderr)
	assert.Contains(t, res.stderr, "-new-from-rev and -new-from-merge-base exclude each other")

	plain := t.TempDir() // no git repository
	testrepo.WriteFiles(t, plain, map[string]string{"go.mod": newFromGoMod, "main.go": testrepo.OldHandler})
	cmd := exec.Command(bin, "-new-from-merge-base=main", "./...")
	cmd.Dir = plain
	cmd.Env = append(os.Environ(), "GOWORK=off", "GIT_CEILING_DIRECTORIES="+filepath.Dir(plain))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, stderr.String())
	assert.Equal(t, 2, exit.ExitCode(), stderr.String())
	assert.Contains(t, stderr.String(), "-new-from-merge-base: "+plain+" is not in a git repository")
}

// The pre-commit hooks of .pre-commit-hooks.yaml, run as pre-commit runs
// them (entry, then args, no file names) in a repository with a staged
// change: the first reports only the staged finding, the second all.
func TestPreCommitHooks(t *testing.T) {
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	require.NoError(t, err)
	var hooks []struct {
		ID            string   `yaml:"id"`
		Name          string   `yaml:"name"`
		Entry         string   `yaml:"entry"`
		Args          []string `yaml:"args"`
		Language      string   `yaml:"language"`
		Types         []string `yaml:"types"`
		PassFilenames *bool    `yaml:"pass_filenames"`
	}
	require.NoError(t, yaml.Unmarshal(data, &hooks))
	require.Len(t, hooks, 2)

	dir := testrepo.New(t, map[string]string{"go.mod": newFromGoMod, "main.go": testrepo.OldHandler})
	testrepo.WriteFiles(t, dir, map[string]string{"main.go": testrepo.OldHandler + testrepo.AddedHandler})
	testrepo.Git(t, dir, "add", "main.go")
	want := map[string]string{
		"upstreamlint":     "upstreamlint: 1 finding: 1 passthrough",
		"upstreamlint-all": "upstreamlint: 3 findings: 2 passthrough, 1 leak",
	}
	for _, h := range hooks {
		assert.Equal(t, "golang", h.Language, h.ID)
		assert.Equal(t, []string{"go"}, h.Types, h.ID)
		require.NotNil(t, h.PassFilenames, h.ID)
		assert.False(t, *h.PassFilenames, "%s: upstreamlint takes packages, not file names", h.ID)
		assert.NotEmpty(t, h.Name, h.ID)
		words := strings.Fields(h.Entry)
		require.Equal(t, "upstreamlint", words[0], "%s: the binary go install ./... builds", h.ID)
		res := run(t, dir, bin, append(words[1:], h.Args...)...)
		assert.Equal(t, 3, res.code, "%s: %s", h.ID, res.stderr)
		assert.Contains(t, res.stderr, want[h.ID], h.ID)
	}
}

// The go command applies upstreamlint's fixes too: Go 1.26's go fix
// -fixtool and go vet -vettool -fix, on a copy of the example service.
// Afterwards it builds and upstreamlint finds nothing left.
func TestGoCommandFixes(t *testing.T) {
	slow(t)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"go fix -fixtool", []string{"fix", "-fixtool=" + bin, "./..."}},
		{"go vet -vettool -fix", []string{"vet", "-vettool=" + bin, "-fix", "./..."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.CopyFS(dir, os.DirFS(examples(t))))
			before, err := os.ReadFile(filepath.Join(dir, "handlers", "handlers.go"))
			require.NoError(t, err)

			res := run(t, dir, "go", tc.args...)
			require.Equal(t, 0, res.code, res.stderr)
			after, err := os.ReadFile(filepath.Join(dir, "handlers", "handlers.go"))
			require.NoError(t, err)
			assert.NotEqual(t, string(before), string(after), "the fixes were applied")
			assert.Contains(t, string(after), "mapUpstreamStatus(resp.StatusCode)")
			assert.Contains(t, string(after), "http.StatusText(")

			build := run(t, dir, "go", "build", "./...")
			require.Equal(t, 0, build.code, build.stderr)
			again := run(t, dir, bin, "./...")
			assert.Equal(t, 0, again.code, "no findings left: %s", again.stderr)
		})
	}
}

// A baseline records today's findings; later runs report only the
// others, however lines move and whatever changes elsewhere.
func TestBaseline(t *testing.T) {
	dir := testrepo.New(t, map[string]string{"go.mod": newFromGoMod, "main.go": testrepo.OldHandler})
	base := filepath.Join(dir, "upstreamlint-baseline.json")

	res := run(t, dir, bin, "-write-baseline="+base, "./...")
	require.Equal(t, 0, res.code, res.stderr)
	assert.Contains(t, res.stderr, "upstreamlint: recorded 2 findings in the baseline "+base)
	data, err := os.ReadFile(base)
	require.NoError(t, err)
	var file struct {
		Version  int `json:"version"`
		Findings []struct {
			Check, File, Function, Message, Text string
			Count                                int
		} `json:"findings"`
	}
	require.NoError(t, json.Unmarshal(data, &file))
	assert.Equal(t, 1, file.Version)
	require.Len(t, file.Findings, 2)
	assert.Equal(t, "leak", file.Findings[0].Check, "sorted: file, function, check, message")
	assert.Equal(t, "main.go", file.Findings[0].File)
	assert.Equal(t, "old", file.Findings[0].Function)
	assert.Equal(t, "err.Error()", file.Findings[0].Text)
	assert.Equal(t, "passthrough", file.Findings[1].Check)
	assert.NotContains(t, string(data), `"line"`, "no line numbers")
	res = run(t, dir, bin, "-write-baseline="+base, "./...")
	require.Equal(t, 0, res.code, res.stderr)
	again, err := os.ReadFile(base)
	require.NoError(t, err)
	assert.Equal(t, string(data), string(again), "the file is stable")

	// Lines move (a declaration above the handler) and another function
	// changes: the recorded findings stay suppressed.
	moved := strings.Replace(testrepo.OldHandler, "var client = &http.Client{}\n", "var client = &http.Client{}\n\n// Limits of the service.\nconst (\n\tmaxItems = 10\n\tmaxUsers = 20\n)\n", 1)
	moved = strings.Replace(moved, `func main() { http.HandleFunc("/", old) }`, "func main() {\n\thttp.HandleFunc(\"/\", old)\n\thttp.HandleFunc(\"/v2\", old)\n}", 1)
	testrepo.WriteFiles(t, dir, map[string]string{"main.go": moved})
	res = run(t, dir, bin, "-baseline="+base, "./...")
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Equal(t, "upstreamlint: 0 findings; 2 suppressed by the baseline\n", res.stderr)

	// A new finding is reported, alone.
	testrepo.WriteFiles(t, dir, map[string]string{"main.go": moved + testrepo.AddedHandler})
	res = run(t, dir, bin, "-baseline="+base, "-format=json", "./...")
	assert.Equal(t, 3, res.code, res.stderr)
	assert.Equal(t, 1, strings.Count(res.stdout, `"message": "upstream status`), res.stdout)
	assert.NotContains(t, res.stdout, "err.Error()")
	res = run(t, dir, bin, "-baseline="+base, "./...")
	assert.Equal(t, 3, res.code, res.stderr)
	assert.Contains(t, res.stderr, "upstreamlint: 1 finding: 1 passthrough; 1 fixable with -fix; 2 suppressed by the baseline")

	// The leak is fixed: -v names the entry that matches nothing now.
	fixed := strings.Replace(moved, "http.Error(w, err.Error(), http.StatusBadGateway)", `http.Error(w, "users unavailable", http.StatusBadGateway)`, 1)
	testrepo.WriteFiles(t, dir, map[string]string{"main.go": fixed})
	res = run(t, dir, bin, "-baseline="+base, "-v", "./...")
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Contains(t, res.stderr, "upstreamlint: baseline "+base+": no finding matches main.go: old: leak: dependency error err.Error() is sent to the client; log it and send a generic message (1)")
	assert.Contains(t, res.stderr, "0 findings; 1 suppressed by the baseline")
	res = run(t, dir, bin, "-baseline="+base, "./...")
	assert.NotContains(t, res.stderr, "no finding matches", "only with -v")

	// Bad input.
	res = run(t, dir, bin, "-baseline="+filepath.Join(dir, "missing.json"), "./...")
	assert.Equal(t, 2, res.code, res.stderr)
	assert.Contains(t, res.stderr, "upstreamlint: -baseline: open ")
	testrepo.WriteFiles(t, dir, map[string]string{"bad.json": `{"version": 1, "findings": [{"check": "leak", "lines": 3}]}`})
	res = run(t, dir, bin, "-baseline="+filepath.Join(dir, "bad.json"), "./...")
	assert.Equal(t, 2, res.code, res.stderr)
	assert.Contains(t, res.stderr, `is not a baseline file: json: unknown field "lines"`)
	res = run(t, dir, bin, "-baseline="+base, "-write-baseline="+base, "./...")
	assert.Equal(t, 2, res.code, res.stderr)
	assert.Contains(t, res.stderr, "-baseline and -write-baseline exclude each other")
}
