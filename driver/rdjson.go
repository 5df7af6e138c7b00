package driver

import (
	"cmp"
	"io"
	"slices"
)

// reviewdog's Diagnostic Result format (rdjson), as defined by
// github.com/reviewdog/reviewdog/proto/rdf/reviewdog.proto. Columns are
// 1-based UTF-8 byte counts; range ends are exclusive.
type (
	rdResult struct {
		Source      rdSource       `json:"source"`
		Severity    string         `json:"severity"`
		Diagnostics []rdDiagnostic `json:"diagnostics"`
	}

	rdSource struct {
		Name string `json:"name"`
		URL  string `json:"url,omitempty"`
	}

	rdDiagnostic struct {
		Message          string         `json:"message"`
		Location         rdLocation     `json:"location"`
		Severity         string         `json:"severity"`
		Code             rdCode         `json:"code"`
		Suggestions      []rdSuggestion `json:"suggestions,omitempty"`
		RelatedLocations []rdRelated    `json:"related_locations,omitempty"`
	}

	rdLocation struct {
		Path  string  `json:"path"`
		Range rdRange `json:"range"`
	}

	rdRange struct {
		Start rdPosition `json:"start"`
		End   rdPosition `json:"end"`
	}

	rdPosition struct {
		Line   int `json:"line"`
		Column int `json:"column"`
	}

	rdCode struct {
		Value string `json:"value"`
		URL   string `json:"url,omitempty"`
	}

	rdSuggestion struct {
		Range rdRange `json:"range"`
		Text  string  `json:"text"`
	}

	rdRelated struct {
		Message  string     `json:"message,omitempty"`
		Location rdLocation `json:"location"`
	}
)

// writeRDJSON prints the findings as one reviewdog DiagnosticResult.
func (r *report) writeRDJSON(w io.Writer) error {
	out := rdResult{
		Source:      rdSource{Name: r.Name, URL: r.URL},
		Severity:    "WARNING",
		Diagnostics: []rdDiagnostic{},
	}
	for _, f := range r.findings {
		d := rdDiagnostic{
			Message:     f.diag.Message,
			Location:    rdLocationOf(f.at),
			Severity:    "WARNING",
			Code:        rdCode{Value: f.check(), URL: cmp.Or(f.diag.URL, f.act.Analyzer.URL)},
			Suggestions: r.rdSuggestions(f),
		}
		for _, rel := range f.diag.Related {
			d.RelatedLocations = append(d.RelatedLocations, rdRelated{
				Message:  rel.Message,
				Location: rdLocationOf(r.span(f.act.Package.Fset, rel.Pos, rel.End)),
			})
		}
		out.Diagnostics = append(out.Diagnostics, d)
	}
	return writeIndented(w, out)
}

// rdSuggestions converts the first suggested fix (the one -fix applies)
// into suggestions. Suggestions carry no path of their own: a fix that
// edits another file than the finding's is left out rather than given in
// part. Edits sharing a line become one suggestion (reviewdog renders each
// suggestion against whole lines), and the one at the finding comes first:
// reviewdog's github-pr-review reporter comments on its lines.
func (r *report) rdSuggestions(f *finding) []rdSuggestion {
	if len(f.diag.SuggestedFixes) == 0 {
		return nil
	}
	var merged []editSpan
	for _, e := range r.edits(f, f.diag.SuggestedFixes[0]) {
		if e.at.file != f.at.file {
			return nil
		}
		if n := len(merged); n > 0 && merged[n-1].at.end.line == e.at.start.line {
			last := &merged[n-1]
			content, err := r.src.read(f.at.file)
			if err != nil || e.at.start.offset < last.at.end.offset || e.at.start.offset > len(content) {
				return nil // overlapping edits: no valid fix
			}
			last.text += string(content[last.at.end.offset:e.at.start.offset]) + e.text
			last.at.end = e.at.end
			continue
		}
		merged = append(merged, e)
	}
	// The suggestion overlapping the finding, else the nearest, leads; the
	// others keep their order.
	dist := func(e editSpan) int {
		switch {
		case e.at.end.offset < f.at.start.offset:
			return f.at.start.offset - e.at.end.offset
		case e.at.start.offset > f.at.end.offset:
			return e.at.start.offset - f.at.end.offset
		}
		return 0
	}
	best := 0
	for i, e := range merged {
		if dist(e) < dist(merged[best]) {
			best = i
		}
	}
	if best > 0 {
		lead := merged[best]
		merged = slices.Insert(slices.Delete(merged, best, best+1), 0, lead)
	}
	var out []rdSuggestion
	for _, e := range merged {
		out = append(out, rdSuggestion{Range: rdRangeOf(e.at), Text: e.text})
	}
	return out
}

func rdLocationOf(s span) rdLocation {
	return rdLocation{Path: s.rel, Range: rdRangeOf(s)}
}

func rdRangeOf(s span) rdRange {
	return rdRange{
		Start: rdPosition{Line: s.start.line, Column: s.start.col},
		End:   rdPosition{Line: s.end.line, Column: s.end.col},
	}
}
