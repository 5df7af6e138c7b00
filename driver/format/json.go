package format

import (
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// The go/analysis JSON tree: package ID -> analyzer name -> diagnostics or
// {"error": ...}, as multichecker and go vet -json print it. The types
// mirror the unexported ones of x/tools, field for field.
type (
	jsonTree map[string]map[string]any

	// JSONError is an analysis's error in the tree.
	JSONError struct {
		Err string `json:"error"`
	}

	// JSONDiagnostic is a diagnostic in the tree.
	JSONDiagnostic struct {
		Category       string              `json:"category,omitempty"`
		Posn           string              `json:"posn"`
		End            string              `json:"end"`
		Message        string              `json:"message"`
		SuggestedFixes []JSONSuggestedFix  `json:"suggested_fixes,omitempty"`
		Related        []JSONRelatedInform `json:"related,omitempty"`
	}

	JSONSuggestedFix struct {
		Message string         `json:"message"`
		Edits   []JSONTextEdit `json:"edits"`
	}

	JSONTextEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}

	JSONRelatedInform struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
)

// JSON prints the go/analysis JSON tree: the findings of each package
// and check (each finding once) and the errors of the analyses that
// failed.
type JSON struct{}

func (JSON) Format(w io.Writer, r *Report) error {
	tree := make(jsonTree)
	add := func(pkg, check string, v any) {
		m, ok := tree[pkg]
		if !ok {
			m = make(map[string]any)
			tree[pkg] = m
		}
		m[check] = v
	}
	for _, e := range r.Failed {
		add(e.Package, e.Check, JSONError{e.Err})
	}
	type action struct{ pkg, check string }
	byAction := make(map[action][]*Finding)
	var actions []action
	for _, f := range r.Findings {
		a := action{f.Package, f.Check}
		if _, ok := byAction[a]; !ok {
			actions = append(actions, a)
		}
		byAction[a] = append(byAction[a], f)
	}
	for _, a := range actions {
		list := byAction[a]
		slices.SortFunc(list, func(a, b *Finding) int { return cmp.Compare(a.Index, b.Index) })
		diags := make([]JSONDiagnostic, 0, len(list))
		for _, f := range list {
			diags = append(diags, f.json())
		}
		add(a.pkg, a.check, diags)
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// json is the JSON form of a finding.
func (f *Finding) json() JSONDiagnostic {
	var fixes []JSONSuggestedFix
	for _, fix := range f.Fixes {
		var edits []JSONTextEdit
		for _, e := range fix.Edits {
			edits = append(edits, JSONTextEdit{Filename: e.Filename, Start: e.Start, End: e.End, New: e.Text})
		}
		fixes = append(fixes, JSONSuggestedFix{Message: fix.Message, Edits: edits})
	}
	var related []JSONRelatedInform
	for _, rel := range f.Related {
		related = append(related, JSONRelatedInform{
			Posn:    rel.At.Posn.String(),
			End:     rel.At.End.String(),
			Message: rel.Message,
		})
	}
	return JSONDiagnostic{
		Category:       f.Category,
		Posn:           f.At.Posn.String(),
		End:            f.At.End.String(),
		Message:        f.Message,
		SuggestedFixes: fixes,
		Related:        related,
	}
}

// DiagnosticJSON is the JSON form of a diagnostic whose positions are in
// fset, as the tree prints it.
func DiagnosticJSON(fset *token.FileSet, d analysis.Diagnostic) JSONDiagnostic {
	var fixes []JSONSuggestedFix
	for _, fix := range d.SuggestedFixes {
		var edits []JSONTextEdit
		for _, e := range fix.TextEdits {
			edits = append(edits, JSONTextEdit{
				Filename: fset.Position(e.Pos).Filename,
				Start:    fset.Position(e.Pos).Offset,
				End:      fset.Position(e.End).Offset,
				New:      string(e.NewText),
			})
		}
		fixes = append(fixes, JSONSuggestedFix{Message: fix.Message, Edits: edits})
	}
	var related []JSONRelatedInform
	for _, rel := range d.Related {
		related = append(related, JSONRelatedInform{
			Posn:    fset.Position(rel.Pos).String(),
			End:     fset.Position(cmp.Or(rel.End, rel.Pos)).String(),
			Message: rel.Message,
		})
	}
	return JSONDiagnostic{
		Category:       d.Category,
		Posn:           fset.Position(d.Pos).String(),
		End:            fset.Position(cmp.Or(d.End, d.Pos)).String(),
		Message:        d.Message,
		SuggestedFixes: fixes,
		Related:        related,
	}
}
