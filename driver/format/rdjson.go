package format

import (
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

// RDJSON prints the findings as one reviewdog DiagnosticResult.
type RDJSON struct{}

func (RDJSON) Format(w io.Writer, r *Report) error {
	out := rdResult{
		Source:      rdSource{Name: r.Tool, URL: r.URL},
		Severity:    "WARNING",
		Diagnostics: []rdDiagnostic{},
	}
	for _, f := range r.Findings {
		d := rdDiagnostic{
			Message:     f.Message,
			Location:    rdLocationOf(f.At.Span),
			Severity:    "WARNING",
			Code:        rdCode{Value: f.Check, URL: f.URL},
			Suggestions: r.rdSuggestions(f),
		}
		for _, rel := range f.Related {
			d.RelatedLocations = append(d.RelatedLocations, rdRelated{
				Message:  rel.Message,
				Location: rdLocationOf(rel.At.Span),
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
func (r *Report) rdSuggestions(f *Finding) []rdSuggestion {
	if len(f.Fixes) == 0 {
		return nil
	}
	at := f.At.Span
	var merged []Edit
	for _, e := range sortedEdits(f.Fixes[0]) {
		if e.Span.File != at.File {
			return nil
		}
		if n := len(merged); n > 0 && merged[n-1].Span.End.Line == e.Span.Start.Line {
			last := &merged[n-1]
			content, err := r.Read(at.File)
			if err != nil || e.Span.Start.Offset < last.Span.End.Offset || e.Span.Start.Offset > len(content) {
				return nil // overlapping edits: no valid fix
			}
			last.Text += string(content[last.Span.End.Offset:e.Span.Start.Offset]) + e.Text
			last.Span.End = e.Span.End
			continue
		}
		merged = append(merged, e)
	}
	// The suggestion overlapping the finding, else the nearest, leads; the
	// others keep their order.
	dist := func(e Edit) int {
		switch {
		case e.Span.End.Offset < at.Start.Offset:
			return at.Start.Offset - e.Span.End.Offset
		case e.Span.Start.Offset > at.End.Offset:
			return e.Span.Start.Offset - at.End.Offset
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
		out = append(out, rdSuggestion{Range: rdRangeOf(e.Span), Text: e.Text})
	}
	return out
}

func rdLocationOf(s Span) rdLocation {
	return rdLocation{Path: s.Rel, Range: rdRangeOf(s)}
}

func rdRangeOf(s Span) rdRange {
	return rdRange{
		Start: rdPosition{Line: s.Start.Line, Column: s.Start.Col},
		End:   rdPosition{Line: s.End.Line, Column: s.End.Col},
	}
}
