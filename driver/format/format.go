package format

import (
	"go/token"
	"io"
	"strings"
)

// A Formatter writes a report in one format.
type Formatter interface {
	Format(w io.Writer, r *Report) error
}

// Report is what a run has to say: its findings and errors, and what
// the formats say of the command and of the checks.
type Report struct {
	// Tool is the command's name: SARIF's tool.driver.name, rdjson's
	// source.name and the title of GitHub annotations. URL is its home
	// page, Version its version (SARIF).
	Tool, URL, Version string
	// Root is the module root: reports give paths relative to it.
	Root string
	// Rules are the checks that ran, sorted by name: SARIF's rules.
	Rules []Rule
	// Findings are the findings to report, in report order (by file,
	// position, check and message).
	Findings []*Finding
	// Failed are the analyses that failed: the JSON tree's
	// {"error": ...} entries, in the order of the run's actions (a later
	// one replaces an earlier one of the same package and check).
	Failed []Failure
	// LoadErrors and AnalysisErrors are the run's errors: SARIF's tool
	// execution notifications.
	LoadErrors, AnalysisErrors []string
	// Suppressed is how many findings a baseline suppressed; the text
	// format's summary line says so.
	Suppressed int
	// Read returns the content of a file (rdjson merges the edits on one
	// line with the text between them).
	Read func(name string) ([]byte, error)
}

// Rule describes a check.
type Rule struct {
	Name string
	Doc  string // the analyzer's Doc: its first line is the title
	URL  string
}

// Failure is an analysis that failed: its check on a package.
type Failure struct {
	Package string // the package's ID
	Check   string
	Err     string
}

// Finding is one diagnostic to report.
type Finding struct {
	Package string // the ID of the package that reported it: its key in the JSON tree
	Check   string // the name of the analyzer that reported it
	// Index orders the findings of one check on one package as they
	// were reported (the JSON tree keeps that order).
	Index             int
	Category, Message string
	URL               string // its documentation: the diagnostic's own, else its check's
	At                Range
	Related           []Related
	Fixes             []Fix // the suggested fixes; -fix applies the first
	Generated         bool  // it lies in a generated file, which -fix leaves alone
}

// Range is a range of source text, as go/token reports it (Posn and
// End: the text and JSON formats print them) and as it is in the file
// (Span: SARIF, GitHub, rdjson).
type Range struct {
	// Posn is the start, End the end (Posn when the range has none),
	// //line directives applied.
	Posn, End token.Position
	Span      Span
}

// Related is a related location of a finding.
type Related struct {
	At      Range
	Message string
}

// Fix is a suggested fix.
type Fix struct {
	Message string
	Edits   []Edit // in the order the fix gives them
}

// Edit is a text edit of a fix: the text replaces the bytes at Span.
type Edit struct {
	// Filename, Start and End are the edit's file and byte offsets as
	// go/token reports them (the JSON tree's).
	Filename   string
	Start, End int
	Span       Span
	Text       string
}

// SplitDoc splits an Analyzer.Doc into its first line (the title) and
// the rest.
func SplitDoc(doc string) (short, rest string) {
	short, rest, _ = strings.Cut(strings.TrimSpace(doc), "\n")
	return strings.TrimSpace(short), strings.TrimSpace(rest)
}
