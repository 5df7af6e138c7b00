package format

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Text prints the findings in the linters' convention (staticcheck's and
// golangci-lint's), one a line,
//
//	path:line:col: message (check)
//
// each related location indented under it with a tab; with Context >= 0,
// also the offending lines and that many lines around them. Paths are
// relative to Dir, as the go command shortens them (ShortPath): a file
// outside Dir, or every file when Dir is empty (-abs), keeps its absolute
// name. The summary line is not part of it: the command prints Summary
// on stderr. Write errors surface when the caller flushes w.
type Text struct {
	Context int
	Dir     string
}

func (t Text) Format(w io.Writer, r *Report) error {
	for _, f := range r.Findings {
		t.print(w, f.At, "", f.Message+" ("+f.Check+")")
		for _, rel := range f.Related {
			t.print(w, rel.At, "\t", rel.Message)
		}
	}
	return nil
}

// ShortPath returns name relative to dir when it lies inside dir (and
// dir is not empty), else name: the go command's rule for the paths it
// prints.
func ShortPath(dir, name string) string {
	if dir == "" {
		return name
	}
	if rel, err := filepath.Rel(dir, name); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && len(rel) < len(name) {
		return rel
	}
	return name
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

func (t Text) print(w io.Writer, at Range, indent, message string) {
	posn := at.Posn
	shown := posn
	shown.Filename = ShortPath(t.Dir, posn.Filename)
	fmt.Fprintf(w, "%s%s: %s\n", indent, shown, message)
	if t.Context < 0 {
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
	for i := posn.Line - t.Context; i <= endPosn.Line+t.Context; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(w, "%s%d\t%s\n", indent, i, lines[i-1])
		}
	}
}
