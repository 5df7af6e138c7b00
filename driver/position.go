package driver

import (
	"bytes"
	"go/token"
	"os"
	"strings"
	"unicode/utf8"
)

// sources reads and caches the files findings and fixes refer to.
type sources struct {
	files map[string][]byte
}

// read returns the content of the named file.
func (s *sources) read(name string) ([]byte, error) {
	if b, ok := s.files[name]; ok {
		return b, nil
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	s.files[name] = b
	return b, nil
}

// location is a position in a file, counted the ways formats need.
type location struct {
	line   int // 1-based
	col    int // 1-based, in bytes (go/token, reviewdog)
	col16  int // 1-based, in UTF-16 code units (SARIF's default)
	offset int // 0-based byte offset
}

// span is a range in a file; end is exclusive.
type span struct {
	file       string // absolute file name
	rel        string // relative to the module root, with forward slashes; file (slashed) if outside
	outside    bool   // file lies outside the module root
	start, end location
	lineText   string // the text of the start line, for fingerprints
}

// span resolves pos..end (end may be NoPos) to physical file positions,
// ignoring //line directives: reports point into the file as it is.
func (res *result) span(fset *token.FileSet, pos, end token.Pos) span {
	tf := fset.File(pos)
	if tf == nil {
		return span{}
	}
	if !end.IsValid() || end < pos || fset.File(end) != tf {
		end = pos
	}
	content, _ := res.src.read(tf.Name())
	if len(content) != tf.Size() {
		content = nil // changed since it was parsed: columns in UTF-16 are then byte counts
	}
	rel, outside := relPath(res.root, tf.Name())
	s := span{
		file:    tf.Name(),
		rel:     rel,
		outside: outside,
		start:   locate(tf, content, tf.Offset(pos)),
		end:     locate(tf, content, tf.Offset(end)),
	}
	if content != nil {
		line := content[s.start.offset-(s.start.col-1):]
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		s.lineText = strings.TrimSpace(string(line))
	}
	return s
}

// locate returns the location of the byte offset in tf, whose content is
// given (nil if unknown). Lines are counted in the content: go/token
// places the end of a file that ends in a newline at the end of its last
// line, not at the start of the (empty) line after it.
func locate(tf *token.File, content []byte, offset int) location {
	if content == nil || offset > len(content) {
		p := tf.PositionFor(tf.Pos(offset), false)
		return location{line: p.Line, col: p.Column, col16: p.Column, offset: offset}
	}
	lineStart := bytes.LastIndexByte(content[:offset], '\n') + 1
	return location{
		line:   bytes.Count(content[:lineStart], []byte{'\n'}) + 1,
		col:    offset - lineStart + 1,
		col16:  utf16Len(content[lineStart:offset]) + 1,
		offset: offset,
	}
}

// utf16Len returns the number of UTF-16 code units encoding b; an invalid
// byte counts as one (it is shown as U+FFFD).
func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		b = b[size:]
	}
	return n
}
