package format

import (
	"fmt"
	"io"
	"strings"
)

// GitHub prints a GitHub Actions workflow command per finding,
//
//	::warning file=F,line=L,col=C,endLine=EL,endColumn=EC,title=T::MESSAGE
//
// which GitHub shows as an annotation on the file (and on the pull
// request's diff). Columns count UTF-16 code units, as in SARIF, and
// endColumn is exclusive. Related locations follow the message, one a line.
type GitHub struct{}

func (GitHub) Format(w io.Writer, r *Report) error {
	for _, f := range r.Findings {
		msg := f.Message
		for _, rel := range f.Related {
			at := rel.At.Span
			msg += fmt.Sprintf("\n%s:%d:%d: %s", at.Rel, at.Start.Line, at.Start.Col16, rel.Message)
		}
		title := fmt.Sprintf("%s (%s)", r.Tool, f.Check)
		at := f.At.Span
		if _, err := fmt.Fprintf(w, "::warning file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			escapeProperty(at.Rel), at.Start.Line, at.Start.Col16, at.End.Line, at.End.Col16,
			escapeProperty(title), escapeData(msg)); err != nil {
			return err
		}
	}
	return nil
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
