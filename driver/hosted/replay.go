package hosted

import (
	"encoding/json"
	"go/token"
	"os"

	"golang.org/x/tools/go/analysis"

	"github.com/upstreamlint/upstreamlint/driver/format"
)

// replay turns what the run reported for one check of a package (its
// JSON list of diagnostics) into diagnostics at positions of the host's
// file set: files are the package's files in it, by name. ok is false
// when a diagnostic or one of its fixes is not in those files (a //line
// directive moved it): the package is then analysed on its own. Related
// information may point into any file (an implementation in another
// package); a file the host has not loaded is added to its file set,
// and a related position that cannot be placed is left out.
func (h *Host) replay(fset *token.FileSet, files map[string]*token.File, raw json.RawMessage) (out []analysis.Diagnostic, ok bool, err error) {
	var diags []format.JSONDiagnostic
	if err := json.Unmarshal(raw, &diags); err != nil {
		return nil, false, err
	}
	in := func(posn string) (token.Pos, bool) {
		file, line, col, ok := lineCol(posn)
		if !ok {
			return token.NoPos, false
		}
		return position(files[file], line, col)
	}
	for _, jd := range diags {
		d := analysis.Diagnostic{Category: jd.Category, Message: jd.Message}
		if d.Pos, ok = in(jd.Posn); !ok {
			return nil, false, nil
		}
		if end, ok := in(jd.End); ok && end >= d.Pos {
			d.End = end
		}
		for _, jf := range jd.SuggestedFixes {
			fix := analysis.SuggestedFix{Message: jf.Message}
			for _, je := range jf.Edits {
				tf := files[je.Filename]
				if tf == nil || je.Start < 0 || je.End < je.Start || je.End > tf.Size() {
					return nil, false, nil
				}
				fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{Pos: tf.Pos(je.Start), End: tf.Pos(je.End), NewText: []byte(je.New)})
			}
			d.SuggestedFixes = append(d.SuggestedFixes, fix)
		}
		for _, jr := range jd.Related {
			file, line, col, ok := lineCol(jr.Posn)
			if !ok {
				continue
			}
			tf := files[file]
			if tf == nil {
				tf = h.file(fset, file)
			}
			pos, ok := position(tf, line, col)
			if !ok {
				continue
			}
			rel := analysis.RelatedInformation{Pos: pos, Message: jr.Message}
			if efile, eline, ecol, ok := lineCol(jr.End); ok && efile == file {
				if end, ok := position(tf, eline, ecol); ok && end >= pos {
					rel.End = end
				}
			}
			d.Related = append(d.Related, rel)
		}
		out = append(out, d)
	}
	return out, true, nil
}

// position returns the position of line:col (col counted in bytes from
// 1; 0 is the line's start) in tf, if it is there.
func position(tf *token.File, line, col int) (token.Pos, bool) {
	if tf == nil || line < 1 || line > tf.LineCount() {
		return token.NoPos, false
	}
	start := tf.LineStart(line)
	off := tf.Offset(start) + max(col, 1) - 1
	if off > tf.Size() {
		return token.NoPos, false
	}
	return tf.Pos(off), true
}

// file returns the file named name in fset, adding it from disk the
// first time (with its lines, so that positions in it print as
// file:line:col), or nil when it cannot be read.
func (h *Host) file(fset *token.FileSet, name string) *token.File {
	h.mu.Lock()
	defer h.mu.Unlock()
	byName := h.added[fset]
	if byName == nil {
		byName = make(map[string]*token.File)
		h.added[fset] = byName
	}
	if tf, ok := byName[name]; ok {
		return tf
	}
	var tf *token.File
	if content, err := os.ReadFile(name); err == nil {
		tf = fset.AddFile(name, -1, len(content))
		tf.SetLinesForContent(content)
	}
	byName[name] = tf
	return tf
}
