package format

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// Text prints the findings as go vet does, "file:line:col: message",
// each related location on a line of its own after a tab; with Context
// >= 0, also the offending lines and that many lines around them; then
// one line of counts (Summary), after Name, the command's name. Write
// errors surface when the caller flushes w.
type Text struct {
	Context int
	Name    string
}

func (t Text) Format(w io.Writer, r *Report) error {
	for _, f := range r.Findings {
		printPlain(w, f.At, f.Message, t.Context)
		for _, rel := range f.Related {
			printPlain(w, rel.At, "\t"+rel.Message, t.Context)
		}
	}
	if line := Summary(r.Findings, r.Suppressed); line != "" {
		fmt.Fprintf(w, "%s: %s\n", t.Name, line)
	}
	return nil
}

// Summary counts the findings per check, most first, and those with
// a fix -fix would apply (not in a generated file):
// "7 findings: 5 leak, 2 passthrough; 4 fixable with -fix", then how
// many a baseline suppressed. It is empty when there is nothing to say: a
// clean run prints nothing, as go vet.
func Summary(findings []*Finding, suppressed int) string {
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
		perCheck[f.Check]++
		if len(f.Fixes) > 0 && !f.Generated {
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

func printPlain(w io.Writer, at Range, message string, context int) {
	posn := at.Posn
	fmt.Fprintf(w, "%s: %s\n", posn, message)
	if context < 0 {
		return
	}
	endPosn := at.End
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
