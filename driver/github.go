package driver

import (
	"fmt"
	"io"
	"strings"
)

// writeGitHub prints a GitHub Actions workflow command per finding,
//
//	::warning file=F,line=L,col=C,endLine=EL,endColumn=EC,title=T::MESSAGE
//
// which GitHub shows as an annotation on the file (and on the pull
// request's diff). Columns count UTF-16 code units, as in SARIF, and
// endColumn is exclusive. Related locations follow the message, one a line.
func (r *report) writeGitHub(w io.Writer) error {
	for _, f := range r.findings {
		msg := f.diag.Message
		for _, rel := range f.diag.Related {
			at := r.span(f.act.Package.Fset, rel.Pos, rel.End)
			msg += fmt.Sprintf("\n%s:%d:%d: %s", at.rel, at.start.line, at.start.col16, rel.Message)
		}
		title := fmt.Sprintf("%s (%s)", r.Name, f.check())
		if _, err := fmt.Fprintf(w, "::warning file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			escapeProperty(f.at.rel), f.at.start.line, f.at.start.col16, f.at.end.line, f.at.end.col16,
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
