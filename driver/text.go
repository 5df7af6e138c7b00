package driver

import (
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// report writes findings in one of the formats.
type report struct {
	Tool
	version string
	*result
	findings []*finding // to report: all of result.findings, or those -fix left
}

// writeText prints the findings as go vet does, "file:line:col: message",
// each related location on a line of its own after a tab; with context >= 0,
// also the offending lines and that many lines around them; then one line
// of counts (summaryLine). Write errors surface when the caller flushes w.
func (r *report) writeText(w io.Writer, context int, name string, suppressed int) {
	for _, f := range r.findings {
		fset := f.act.Package.Fset
		r.printPlain(w, fset, f.diag.Pos, f.diag.End, f.diag.Message, context)
		for _, rel := range f.diag.Related {
			r.printPlain(w, fset, rel.Pos, rel.End, "\t"+rel.Message, context)
		}
	}
	if line := summaryLine(r.findings, r.files, suppressed); line != "" {
		fmt.Fprintf(w, "%s: %s\n", name, line)
	}
}

// summaryLine counts the findings per check, most first, and those with
// a fix -fix would apply (not in a generated file, see generated):
// "7 findings: 5 leak, 2 passthrough; 4 fixable with -fix", then how
// many a baseline suppressed. It is empty when there is nothing to say: a
// clean run prints nothing, as go vet.
func summaryLine(findings []*finding, generated map[string]bool, suppressed int) string {
	base := ""
	if suppressed > 0 {
		base = fmt.Sprintf("; %d suppressed by the baseline", suppressed)
	}
	if len(findings) == 0 {
		if base == "" {
			return ""
		}
		return "0 findings" + base
	}
	perCheck := make(map[string]int)
	fixable := 0
	for _, f := range findings {
		perCheck[f.check()]++
		if len(f.diag.SuggestedFixes) > 0 && !generated[f.at.file] {
			fixable++
		}
	}
	checks := make([]string, 0, len(perCheck))
	for c := range perCheck {
		checks = append(checks, c)
	}
	slices.SortFunc(checks, func(a, b string) int {
		return cmp.Or(cmp.Compare(perCheck[b], perCheck[a]), strings.Compare(a, b))
	})
	parts := make([]string, len(checks))
	for i, c := range checks {
		parts[i] = fmt.Sprintf("%d %s", perCheck[c], c)
	}
	noun := "findings"
	if len(findings) == 1 {
		noun = "finding"
	}
	return fmt.Sprintf("%d %s: %s; %d fixable with -fix%s", len(findings), noun, strings.Join(parts, ", "), fixable, base)
}

func (r *report) printPlain(w io.Writer, fset *token.FileSet, pos, end token.Pos, message string, context int) {
	posn := fset.Position(pos)
	fmt.Fprintf(w, "%s: %s\n", posn, message)
	if context < 0 {
		return
	}
	endPosn := fset.Position(end)
	if !endPosn.IsValid() {
		endPosn = posn
	}
	data, err := os.ReadFile(posn.Filename)
	if err != nil {
		return
	}
	lines := strings.Split(string(data), "\n")
	for i := posn.Line - context; i <= endPosn.Line+context; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
		}
	}
}

// The go/analysis JSON tree: package ID -> analyzer name -> diagnostics or
// {"error": ...}, as multichecker and go vet -json print it. The types
// mirror the unexported ones of x/tools, field for field.
type (
	jsonTree map[string]map[string]any

	jsonError struct {
		Err string `json:"error"`
	}

	jsonDiagnostic struct {
		Category       string              `json:"category,omitempty"`
		Posn           string              `json:"posn"`
		End            string              `json:"end"`
		Message        string              `json:"message"`
		SuggestedFixes []jsonSuggestedFix  `json:"suggested_fixes,omitempty"`
		Related        []jsonRelatedInform `json:"related,omitempty"`
	}

	jsonSuggestedFix struct {
		Message string         `json:"message"`
		Edits   []jsonTextEdit `json:"edits"`
	}

	jsonTextEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}

	jsonRelatedInform struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
)

// writeJSON prints the go/analysis JSON tree: the diagnostics of the root
// actions (each finding once) and the errors of every action.
func (r *report) writeJSON(w io.Writer) error {
	byAction := make(map[*checker.Action][]*finding)
	for _, f := range r.findings {
		byAction[f.act] = append(byAction[f.act], f)
	}
	tree := make(jsonTree)
	add := func(act *checker.Action, v any) {
		m, ok := tree[act.Package.ID]
		if !ok {
			m = make(map[string]any)
			tree[act.Package.ID] = m
		}
		m[act.Analyzer.Name] = v
	}
	for act := range r.actions() {
		if act.Err != nil {
			add(act, jsonError{act.Err.Error()})
			continue
		}
		list := byAction[act]
		if len(list) == 0 {
			continue
		}
		slices.SortFunc(list, func(a, b *finding) int { return cmp.Compare(a.index, b.index) })
		diags := make([]jsonDiagnostic, 0, len(list))
		for _, f := range list {
			diags = append(diags, toJSON(act.Package.Fset, f.diag))
		}
		add(act, diags)
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

func toJSON(fset *token.FileSet, d analysis.Diagnostic) jsonDiagnostic {
	var fixes []jsonSuggestedFix
	for _, fix := range d.SuggestedFixes {
		var edits []jsonTextEdit
		for _, e := range fix.TextEdits {
			edits = append(edits, jsonTextEdit{
				Filename: fset.Position(e.Pos).Filename,
				Start:    fset.Position(e.Pos).Offset,
				End:      fset.Position(e.End).Offset,
				New:      string(e.NewText),
			})
		}
		fixes = append(fixes, jsonSuggestedFix{Message: fix.Message, Edits: edits})
	}
	var related []jsonRelatedInform
	for _, rel := range d.Related {
		related = append(related, jsonRelatedInform{
			Posn:    fset.Position(rel.Pos).String(),
			End:     fset.Position(cmp.Or(rel.End, rel.Pos)).String(),
			Message: rel.Message,
		})
	}
	return jsonDiagnostic{
		Category:       d.Category,
		Posn:           fset.Position(d.Pos).String(),
		End:            fset.Position(cmp.Or(d.End, d.Pos)).String(),
		Message:        d.Message,
		SuggestedFixes: fixes,
		Related:        related,
	}
}
