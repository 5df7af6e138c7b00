package main_test

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsonDiagnostic is a diagnostic of the go/analysis JSON tree.
type jsonDiagnostic struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
	Related []struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	} `json:"related"`
}

// decodeTree decodes a -json report (package -> analyzer -> diagnostics)
// into each analyzer's diagnostics; an analysis that failed ({"error":
// …}) has none.
func decodeTree(t *testing.T, stdout string) map[string][]jsonDiagnostic {
	t.Helper()
	var tree map[string]map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(stdout), &tree), stdout)
	out := make(map[string][]jsonDiagnostic)
	for _, analyzers := range tree {
		for name, raw := range analyzers {
			var failed struct{ Error string }
			if json.Unmarshal(raw, &failed) == nil && failed.Error != "" {
				continue
			}
			var diags []jsonDiagnostic
			require.NoError(t, json.Unmarshal(raw, &diags), "%s: %s", name, raw)
			out[name] = append(out[name], diags...)
		}
	}
	return out
}

// jsonFindings returns "file:line:col: check: message [related…]" for
// each diagnostic of a -json report, paths relative to dir.
func jsonFindings(t *testing.T, dir, stdout string) []string {
	t.Helper()
	var got []string
	for name, diags := range decodeTree(t, stdout) {
		for _, d := range diags {
			rel, err := filepath.Rel(dir, d.Posn)
			require.NoError(t, err)
			s := filepath.ToSlash(rel) + ": " + name + ": " + d.Message
			var related []string
			for _, r := range d.Related {
				related = append(related, r.Message)
			}
			if len(related) > 0 {
				s += " [" + strings.Join(related, "; ") + "]"
			}
			got = append(got, s)
		}
	}
	sort.Strings(got)
	return got
}

// The layered service of testdata/layered: handlers reach a use case, a
// repository, a payment client and a validator through interfaces and a
// func-typed field, all implemented in packages the handler package does
// not import and wired in main. The standalone command resolves them
// over the whole program; go vet, one package at a time, cannot.
func TestWholeProgram(t *testing.T) {
	slow(t)
	dir, err := filepath.Abs("testdata/layered")
	require.NoError(t, err)
	res := oracle(t, dir, "-json", "./...")
	require.Equal(t, 3, res.code, res.stderr)
	assert.Equal(t, []string{
		// handler → UserService → (*service.Users).User → UserRepository →
		// (*store.SQLUsers).Get, a database/sql error: a dependency error
		// at any status (MemUsers, the other implementation, returns a
		// sentinel: one implementation on a database suffices)
		"handler/handler.go:42:17: leak: dependency error err.Error() is sent to the client; log it and send a generic message [upstream call h.Users.User(…); implemented by (*service.Users).User]",
		// a status that the payment client returns
		"handler/handler.go:54:16: passthrough: upstream status code is forwarded to the client; map it to a status of this service [upstream call h.Payments.Charge(…); implemented by (*payments.Client).Charge]",
		// Audit has no implementation in the program: unknown, and only
		// the server-error rule applies (line 67, with a 409, is silent)
		"handler/handler.go:74:17: leak: error text of err is sent with status 500; internal errors carry details of our dependencies: log it and send a generic message",
		// a func-typed field set to a repository's method value in main
		"handler/handler.go:82:17: leak: dependency error err.Error() is sent to the client; log it and send a generic message [upstream call h.Lookup(…); implemented by (*store.SQLUsers).Get]",
		// Rename (line 60) is silent: the only implementation of
		// Validator returns our own validation errors
		// Export answers 200 with an error: HeaderSetter's only
		// implementation writes no status (Quota's StatusWriter does, so
		// Quota is silent)
		"handler/soft.go:39:3: softerror: error-only body map[string]string is sent with status 200 (no status written on this path); write an error status first",
		// reply.Send's 200 envelope is given -1 by orders and catalog,
		// and 0 by catalog: -1 is a failure code, and the helper, where
		// the fix belongs, is reported once for the three calls
		"reply/reply.go:19:6: softerror: failure envelopes (Code: -1) are sent with status 200 by Send, from 3 calls; send the failure as the response status",
	}, jsonFindings(t, dir, res.stdout))

	// The runner joins the same summaries as the oracle.
	want := jsonFindings(t, dir, res.stdout)
	rres := run(t, dir, bin, "-json", "./...")
	require.Equal(t, 3, rres.code, rres.stderr)
	assert.Equal(t, want, jsonFindings(t, dir, rres.stdout))

	// The same in the text format, with the implementation's position.
	res = run(t, dir, bin, "./...")
	assert.Contains(t, res.stdout, "\n\t"+filepath.Join("store", "sql.go")+":15:20: implemented by (*store.SQLUsers).Get\n")

	// go vet gets the whole program too (driver/hosted): the same
	// findings, related information included. Each run has settings of
	// its own, so that go vet's cache cannot answer for it.
	nonce := "-upstreamfacts.deps=e2e.invalid/" + strconv.FormatInt(time.Now().UnixNano(), 10)
	res = run(t, dir, "go", "vet", "-vettool="+bin, nonce, "-json", "./...")
	require.Equal(t, 0, res.code, res.stderr)
	assert.Equal(t, want, jsonFindings(t, dir, vetJSON(res.stdout+res.stderr)), "go vet = standalone")

	// -upstreamfacts.whole=false: each package with its imports' facts
	// only, as go vet analysed before. The handler's interfaces are
	// unknown there, and only the server-error rule applies. A call it
	// cannot resolve that is handed the writer may have written a
	// status: Quota and Export are silent. reply.Send is judged at its
	// calls: catalog contrasts -1 with 0, orders alone cannot tell.
	res = run(t, dir, "go", "vet", "-vettool="+bin, nonce, "-upstreamfacts.whole=false", "-json", "./...")
	require.Equal(t, 0, res.code, res.stderr)
	perPackage := []string{
		"catalog/catalog.go:12:3: softerror: failure envelope (Code: -1) is sent with status 200 by Send; use an error status",
		"handler/handler.go:60:17: leak: error text of err is sent with status 500; internal errors carry details of our dependencies: log it and send a generic message",
		"handler/handler.go:74:17: leak: error text of err is sent with status 500; internal errors carry details of our dependencies: log it and send a generic message",
	}
	assert.Equal(t, perPackage, jsonFindings(t, dir, vetJSON(res.stdout+res.stderr)))
	// and the standalone with the same setting agrees
	res = run(t, dir, bin, "-upstreamfacts.whole=false", "-json", "./...")
	require.Equal(t, 3, res.code, res.stderr)
	assert.Equal(t, perPackage, jsonFindings(t, dir, res.stdout))
}

// vetJSON merges the JSON trees go vet -json prints, one per package
// after a "# package" line, into one tree.
func vetJSON(out string) string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	dec := json.NewDecoder(strings.NewReader(strings.Join(lines, "\n")))
	tree := make(map[string]map[string]json.RawMessage)
	for {
		var t map[string]map[string]json.RawMessage
		if dec.Decode(&t) != nil {
			break
		}
		for k, v := range t {
			tree[k] = v
		}
	}
	data, _ := json.Marshal(tree)
	return string(data)
}

// TestVerbose checks -v of the oracle (TestExportRunner the runner's):
// a time for each linted package and a summary
// line with the packages and each check's findings, on stderr only
// (stdout keeps the report a tool reads).
func TestVerbose(t *testing.T) {
	dir, err := filepath.Abs("testdata/layered")
	require.NoError(t, err)
	res := oracle(t, dir, "-v", "-json", "./...")
	require.Equal(t, 3, res.code, res.stderr)
	lines := strings.Split(strings.TrimSpace(res.stderr), "\n")
	timed := 0
	for _, l := range lines {
		if strings.HasSuffix(l, "  example.com/layered/handler") || strings.HasSuffix(l, "  example.com/layered/reply") {
			timed++
		}
	}
	assert.Equal(t, 2, timed, res.stderr)
	last := lines[len(lines)-1]
	assert.Regexp(t, `^upstreamlint: 13 packages linted \(\d+ loaded with their dependencies, 6 analysed again by the whole-program join\); load \S+, analysis \S+ \+ \S+; findings: leak 3, passthrough 1, softerror 2$`, last)
	assert.NotContains(t, res.stdout, "packages linted")
	assert.Len(t, jsonFindings(t, dir, res.stdout), 6)
}
