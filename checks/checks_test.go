package checks_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"

	"github.com/upstreamlint/upstreamlint/analyzer"
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
