package checks_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/analyzer/report"
	"github.com/upstreamlint/upstreamlint/checks"
)

// TestValidate: the package-level analyzers, and a set built on a fresh
// instance of the shared analysis, are valid go/analysis analyzers (one
// owner per fact type, an acyclic graph), each check requiring the one
// shared analysis of its set.
func TestValidate(t *testing.T) {
	require.NoError(t, analysis.Validate(checks.All()))
	for _, a := range checks.All() {
		assert.Equal(t, []*analysis.Analyzer{analyzer.Analyzer}, a.Requires, a.Name)
	}
	shared := analyzer.New(analyzer.DefaultConfig())
	set := checks.New(shared.Analyzer)
	require.NoError(t, analysis.Validate(set))
	for i, a := range set {
		assert.Equal(t, checks.All()[i].Name, a.Name)
		assert.Equal(t, []*analysis.Analyzer{shared.Analyzer}, a.Requires, a.Name)
		assert.NotSame(t, checks.All()[i], a, "a fresh analyzer")
	}
}

// TestDocs: each analyzer's Doc starts with a title as go vet shows it
// (lowercase, no final period, at most 60 characters), and its URL is
// its page under docs/.
// The names an ignore directive may give are the checks' names.
func TestDirectiveNames(t *testing.T) {
	var names []string
	for _, a := range checks.All() {
		names = append(names, a.Name)
	}
	assert.Equal(t, names, report.CheckNames)
}

func TestDocs(t *testing.T) {
	for _, a := range append(checks.All(), analyzer.Analyzer) {
		title, _, _ := strings.Cut(a.Doc, "\n")
		assert.LessOrEqual(t, len(title), 60, a.Name)
		assert.False(t, strings.HasSuffix(title, "."), a.Name)
		assert.Equal(t, strings.ToLower(title[:1]), title[:1], a.Name)
	}
	for _, a := range checks.All() {
		assert.Equal(t, "https://github.com/upstreamlint/upstreamlint/blob/main/docs/"+a.Name+".md", a.URL)
		assert.FileExists(t, "../docs/"+a.Name+".md", "the page a finding links to")
	}
	assert.FileExists(t, "../docs/design.md")
}

// byName indexes analyzers by name.
func byName(as []*analysis.Analyzer) map[string]*analysis.Analyzer {
	m := make(map[string]*analysis.Analyzer, len(as))
	for _, a := range as {
		m[a.Name] = a
	}
	return m
}

// instance returns fresh analyzers of every check on a fresh instance of
// the shared analysis, with the shared analysis itself, by name: a set
// whose flags a test may set.
func instance() map[string]*analysis.Analyzer {
	shared := analyzer.New(analyzer.DefaultConfig())
	return byName(append(checks.New(shared.Analyzer), shared.Analyzer))
}

// covered fails the test unless every check has a row: a new check gets
// the test by adding its row.
func covered(t *testing.T, rows []string) {
	t.Helper()
	for _, a := range checks.All() {
		assert.Contains(t, rows, a.Name, "the table has no row for check %s", a.Name)
	}
}

// TestInstancesDoNotShareFlags: each check's flags are bound to its
// instance. Setting one on a fresh analyzer changes neither another
// fresh analyzer of the same check nor the package-level one
// (checks.All), which keep the flag's default value, matched by unset.
func TestInstancesDoNotShareFlags(t *testing.T) {
	rows := []struct {
		check, flag, value string
		want               string // the value read back
		unset              string // a regexp the default value matches
	}{
		{"passthrough", "mapper", "example.com/svc/httperr.FromUpstream", "example.com/svc/httperr.FromUpstream", `^$`},
		{"leak", "publicmsg", "example.com/apierr.Public", "example.com/apierr.Public", `^$`},
		// the key sets are lower-cased and sorted
		{"softerror", "errorkeys", "problem,Fault", "fault,problem", `(^|,)error(,|$)`},
	}
	var names []string
	for _, row := range rows {
		names = append(names, row.check)
		t.Run(row.check, func(t *testing.T) {
			// checks.New on the default shared analysis builds what
			// <check>.NewAnalyzer(<check>.DefaultConfig()) does.
			a := byName(checks.New(analyzer.Analyzer))[row.check]
			b := byName(checks.New(analyzer.Analyzer))[row.check]
			pkg := byName(checks.All())[row.check]
			require.NotNil(t, a)
			require.NoError(t, a.Flags.Set(row.flag, row.value))
			assert.Equal(t, row.want, a.Flags.Lookup(row.flag).Value.String())
			assert.Regexp(t, row.unset, b.Flags.Lookup(row.flag).Value.String())
			assert.Regexp(t, row.unset, pkg.Flags.Lookup(row.flag).Value.String())
		})
	}
	covered(t, names)
}

// TestFlagValues: well-formed values are accepted and read back; the
// allow lists of every check add up over repeated flags.
func TestFlagValues(t *testing.T) {
	rows := []struct {
		check, flag string
		values      []string // set in order
		want        string
	}{
		{"passthrough", "mapper", []string{"example.com/svc/v2/httperr.FromUpstream"}, "example.com/svc/v2/httperr.FromUpstream"},
		{"passthrough", "allow", []string{"example.com/gw/...,example.com/api.Proxy*", "(*example.com/api.Mirror).ServeHTTP"}, "example.com/gw/...,example.com/api.Proxy*,(*example.com/api.Mirror).ServeHTTP"},
		{"leak", "allow", []string{"example.com/gw/...,example.com/api.Proxy*", "(*example.com/api.Mirror).ServeHTTP"}, "example.com/gw/...,example.com/api.Proxy*,(*example.com/api.Mirror).ServeHTTP"},
		{"softerror", "allow", []string{"example.com/gw/...,example.com/api.Proxy*", "(*example.com/api.Mirror).ServeHTTP"}, "example.com/gw/...,example.com/api.Proxy*,(*example.com/api.Mirror).ServeHTTP"},
	}
	var names []string
	for _, row := range rows {
		names = append(names, row.check)
		t.Run(row.check+"."+row.flag, func(t *testing.T) {
			a := instance()[row.check]
			require.NotNil(t, a)
			for _, v := range row.values {
				require.NoError(t, a.Flags.Set(row.flag, v))
			}
			assert.Equal(t, row.want, a.Flags.Lookup(row.flag).Value.String())
		})
	}
	covered(t, names)
}

// TestBadFlags: malformed values of the checks' flags, and of the
// shared analysis' (upstreamfacts), are rejected, with a message saying
// what is wrong where errContains is set.
func TestBadFlags(t *testing.T) {
	const badFunc = "malformed function name"
	rows := []struct {
		check, flag, value string
		errContains        string
	}{
		{"passthrough", "mapper", "FromUpstream", badFunc},
		{"passthrough", "mapper", "example.com/svc/httperr", badFunc},
		{"passthrough", "mapper", "example.com/svc/httperr.", badFunc},
		{"passthrough", "mapper", "example.com/svc/httperr.fromUpstream", badFunc},
		{"passthrough", "mapper", "example.com/svc/httperr.From-Upstream", badFunc},
		{"passthrough", "mapper", "/abs.F", badFunc},
		{"passthrough", "mapper", "./httperr.FromUpstream", `"./httperr" is not an import path`}, // the fix writes the import
		{"passthrough", "codemapper", "grpcerr", badFunc},
		{"passthrough", "allow", "example.com/...gw", ""},
		{"passthrough", "allow", "a b", ""},
		{"leak", "publicmsg", "apierr.public", badFunc},
		{"leak", "allow", "example.com/...x", ""},
		{"softerror", "errorkeys", " , ", ""},
		{"softerror", "metakeys", "trace id", "malformed key"},
		{"upstreamfacts", "deps", "github.com/redis/...", "malformed import path"},
		// every boolean says the same: the flag package's own says "parse error"
		{"softerror", "envelopes", "nah", "want true or false"},
		{"upstreamfacts", "whole", "nah", "want true or false"},
	}
	var names []string
	for _, row := range rows {
		names = append(names, row.check)
		t.Run(row.check+"."+row.flag+"="+row.value, func(t *testing.T) {
			a := instance()[row.check]
			require.NotNil(t, a)
			err := a.Flags.Set(row.flag, row.value)
			require.Error(t, err)
			assert.Contains(t, err.Error(), row.errContains)
		})
	}
	covered(t, names)
}
