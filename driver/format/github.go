package format

import (
	"fmt"
	"io"
	"path"
	"strings"
)

// GitHub prints a GitHub Actions workflow command per finding,
//
//	::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=T::MESSAGE
//
// which GitHub shows as an annotation on the file (and on the pull
// request's diff). Columns count UTF-16 code units, as in SARIF, and
// endColumn is exclusive. Related locations follow the message, one a line.
//
// GitHub wants paths relative to the repository's root: Prefix is the
// path of the module root in the repository ("" when they are the same),
// joined to each path relative to the module root. Warning prints
// ::warning instead of ::error, for a run that does not fail the step
// (-exit-zero).
type GitHub struct {
	Prefix  string
	Warning bool
}

func (g GitHub) Format(w io.Writer, r *Report) error {
	level := "error"
	if g.Warning {
		level = "warning"
	}
	for _, f := range r.Findings {
		msg := f.Message
		for _, rel := range f.Related {
			at := rel.At.Span
			msg += fmt.Sprintf("\n%s:%d:%d: %s", g.path(at), at.Start.Line, at.Start.Col16, rel.Message)
		}
		title := fmt.Sprintf("%s (%s)", r.Tool, f.Check)
		at := f.At.Span
		if _, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			level, escapeProperty(g.path(at)), at.Start.Line, at.Start.Col16, at.End.Line, at.End.Col16,
			escapeProperty(title), escapeData(msg)); err != nil {
			return err
		}
	}
	return nil
}

// path is the span's file relative to the repository root.
func (g GitHub) path(s Span) string {
	if s.Outside || g.Prefix == "" {
		return s.Rel
	}
	return path.Join(g.Prefix, s.Rel)
}

// GitHub's escaping of workflow commands (as in @actions/core): the
// message, "data", escapes % CR LF; property values also : and ,, which
// separate properties.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
