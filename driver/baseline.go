package driver

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"slices"
	"strings"
)

// A baseline records the findings a codebase had when it adopted
// upstreamlint (-write-baseline), so that later runs (-baseline) report
// only the others. Entries are keyed by what survives unrelated edits and
// line moves: the check, the file, the enclosing function, the message
// and the text of the reported expression, never a line number. Identical
// keys in one function are counted.

// baselineVersion is the format version written and accepted.
const baselineVersion = 1

type baselineFile struct {
	Version  int             `json:"version"`
	Tool     string          `json:"tool"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Check    string `json:"check"`
	File     string `json:"file"`     // relative to the module root, with forward slashes
	Function string `json:"function"` // the enclosing function declaration, "" at package level
	Message  string `json:"message"`
	Text     string `json:"text"` // the reported source text, its white space collapsed
	Count    int    `json:"count"`
}

// key is an entry without its count.
func (e baselineEntry) key() baselineEntry {
	e.Count = 0
	return e
}

// baselineKey computes the entry of a finding.
func (res *result) baselineKey(f *finding) baselineEntry {
	e := baselineEntry{Check: f.check(), File: f.at.Rel, Message: f.diag.Message}
	if content, err := res.src.Read(f.at.File); err == nil && f.at.End.Offset <= len(content) && f.at.Start.Offset <= f.at.End.Offset {
		e.Text = strings.Join(strings.Fields(string(content[f.at.Start.Offset:f.at.End.Offset])), " ")
	}
	e.Function = enclosingFunc(f.act.Package.Syntax, f.diag.Pos)
	return e
}

// enclosingFunc names the function declaration that contains pos:
// "Name", or "(*T).Name" / "(T).Name" for a method; function literals
// belong to the declaration around them.
func enclosingFunc(files []*ast.File, pos token.Pos) string {
	for _, f := range files {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || pos < fd.Pos() || pos >= fd.End() {
				continue
			}
			if fd.Recv == nil || len(fd.Recv.List) == 0 {
				return fd.Name.Name
			}
			return "(" + recvString(fd.Recv.List[0].Type) + ")." + fd.Name.Name
		}
	}
	return ""
}

// recvString writes a receiver type without its type parameters: *T, T.
func recvString(x ast.Expr) string {
	switch t := x.(type) {
	case *ast.StarExpr:
		return "*" + recvString(t.X)
	case *ast.ParenExpr:
		return recvString(t.X)
	case *ast.IndexExpr:
		return recvString(t.X)
	case *ast.IndexListExpr:
		return recvString(t.X)
	case *ast.Ident:
		return t.Name
	}
	return "?"
}

// writeBaseline writes the findings as a baseline file: sorted, indented
// JSON that diffs well in review, written atomically.
func (res *result) writeBaseline(name, tool string, findings []*finding) (int, error) {
	counts := make(map[baselineEntry]int)
	for _, f := range findings {
		counts[res.baselineKey(f)]++
	}
	out := baselineFile{Version: baselineVersion, Tool: tool, Findings: []baselineEntry{}}
	for k, n := range counts {
		k.Count = n
		out.Findings = append(out.Findings, k)
	}
	slices.SortFunc(out.Findings, func(a, b baselineEntry) int {
		return cmp.Or(strings.Compare(a.File, b.File), strings.Compare(a.Function, b.Function),
			strings.Compare(a.Check, b.Check), strings.Compare(a.Message, b.Message), strings.Compare(a.Text, b.Text))
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return 0, err
	}
	if err := writeFileAtomic(name, buf.Bytes()); err != nil {
		return 0, fmt.Errorf("-write-baseline: %v", err)
	}
	return len(findings), nil
}

// writeFileAtomic replaces name with data as -fix replaces a file (a
// synced temporary file renamed over it), so that no reader sees half a
// file; a new file gets mode 0644.
func writeFileAtomic(name string, data []byte) error {
	perm := os.FileMode(0o644)
	if info, err := os.Stat(name); err == nil {
		perm = info.Mode().Perm()
	}
	temp, err := stageWithMode(osFS{}, name, data, perm)
	if err != nil {
		return err
	}
	if err := os.Rename(temp, name); err != nil {
		os.Remove(temp)
		return err
	}
	return nil
}

// baseline is a loaded baseline file: the count left of each key.
type baseline struct {
	name    string
	left    map[baselineEntry]int
	entries []baselineEntry // in file order, for the stale report
}

// readBaseline loads a baseline file; a missing, malformed or unknown
// file is a usage error naming it.
func readBaseline(name string) (*baseline, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, &usageError{fmt.Sprintf("-baseline: %v", err)}
	}
	var bf baselineFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&bf); err != nil {
		return nil, &usageError{fmt.Sprintf("-baseline: %s is not a baseline file: %v", name, err)}
	}
	if bf.Version != baselineVersion {
		return nil, &usageError{fmt.Sprintf("-baseline: %s has version %d; this upstreamlint reads version %d (write it again with -write-baseline)", name, bf.Version, baselineVersion)}
	}
	b := &baseline{name: name, left: make(map[baselineEntry]int)}
	for _, e := range bf.Findings {
		if e.Count <= 0 {
			return nil, &usageError{fmt.Sprintf("-baseline: %s: entry %s %s %q has count %d; want 1 or more", name, e.File, e.Function, e.Message, e.Count)}
		}
		b.left[e.key()] += e.Count
		b.entries = append(b.entries, e)
	}
	return b, nil
}

// suppress drops the findings the baseline records and returns how many.
func (res *result) suppress(b *baseline) int {
	n := 0
	res.findings = slices.DeleteFunc(res.findings, func(f *finding) bool {
		k := res.baselineKey(f)
		if b.left[k] > 0 {
			b.left[k]--
			n++
			return true
		}
		return false
	})
	return n
}

// stale returns the entries of the baseline that matched fewer findings
// than they record: fixed, or changed beyond recognition.
func (b *baseline) stale() []baselineEntry {
	var out []baselineEntry
	seen := make(map[baselineEntry]bool)
	for _, e := range b.entries {
		k := e.key()
		if seen[k] {
			continue
		}
		seen[k] = true
		if n := b.left[k]; n > 0 {
			k.Count = n
			out = append(out, k)
		}
	}
	return out
}
