package format

import (
	"bytes"
	"cmp"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Sources reads and caches the files findings and fixes refer to, and
// locates positions in them.
type Sources struct {
	root  string // the module root: spans give paths relative to it
	files map[string][]byte
}

// NewSources returns the sources of a run in the module whose root
// directory is root.
func NewSources(root string) *Sources {
	return &Sources{root: root, files: make(map[string][]byte)}
}

// Read returns the content of the named file.
func (s *Sources) Read(name string) ([]byte, error) {
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

// Location is a position in a file, counted the ways formats need.
type Location struct {
	Line   int // 1-based
	Col    int // 1-based, in bytes (go/token, reviewdog)
	Col16  int // 1-based, in UTF-16 code units (SARIF's default)
	Offset int // 0-based byte offset
}

// Span is a range in a file; End is exclusive.
type Span struct {
	File       string // absolute file name
	Rel        string // relative to the module root, with forward slashes; File (slashed) if outside
	Outside    bool   // File lies outside the module root
	Start, End Location
	LineText   string // the text of the start line, for fingerprints
}

// Span resolves pos..end (end may be NoPos) to physical file positions,
// ignoring //line directives: reports point into the file as it is.
func (s *Sources) Span(fset *token.FileSet, pos, end token.Pos) Span {
	tf := fset.File(pos)
	if tf == nil {
		return Span{}
	}
	if !end.IsValid() || end < pos || fset.File(end) != tf {
		end = pos
	}
	content, _ := s.Read(tf.Name())
	if len(content) != tf.Size() {
		content = nil // changed since it was parsed: columns in UTF-16 are then byte counts
	}
	rel, outside := RelPath(s.root, tf.Name())
	sp := Span{
		File:    tf.Name(),
		Rel:     rel,
		Outside: outside,
		Start:   locate(tf, content, tf.Offset(pos)),
		End:     locate(tf, content, tf.Offset(end)),
	}
	if content != nil {
		line := content[sp.Start.Offset-(sp.Start.Col-1):]
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		sp.LineText = strings.TrimSpace(string(line))
	}
	return sp
}

// Range resolves pos..end (end may be NoPos) both ways: as go/token
// reports it and as a Span.
func (s *Sources) Range(fset *token.FileSet, pos, end token.Pos) Range {
	return Range{Posn: fset.Position(pos), End: fset.Position(cmp.Or(end, pos)), Span: s.Span(fset, pos, end)}
}

// locate returns the location of the byte offset in tf, whose content is
// given (nil if unknown). Lines are counted in the content: go/token
// places the end of a file that ends in a newline at the end of its last
// line, not at the start of the (empty) line after it.
func locate(tf *token.File, content []byte, offset int) Location {
	if content == nil || offset > len(content) {
		p := tf.PositionFor(tf.Pos(offset), false)
		return Location{Line: p.Line, Col: p.Column, Col16: p.Column, Offset: offset}
	}
	lineStart := bytes.LastIndexByte(content[:offset], '\n') + 1
	return Location{
		Line:   bytes.Count(content[:lineStart], []byte{'\n'}) + 1,
		Col:    offset - lineStart + 1,
		Col16:  utf16Len(content[lineStart:offset]) + 1,
		Offset: offset,
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

// RelPath returns name relative to root with forward slashes, or name
// itself (with forward slashes) and true when it lies outside root.
func RelPath(root, name string) (string, bool) {
	rel, err := filepath.Rel(root, name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(name), true
	}
	return filepath.ToSlash(rel), false
}
