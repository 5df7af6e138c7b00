package driver

import (
	"cmp"
	"errors"
	"fmt"
	goformat "go/format"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/aymanbagabas/go-udiff"

	"github.com/upstreamlint/upstreamlint/driver/format"
)

// edit replaces the bytes [start, end) of a file by text.
type edit struct {
	start, end int
	text       string
}

// conflicts reports whether a and b cannot both be applied: their ranges
// overlap, or both insert different text at one offset (no order is right).
// Identical edits do not conflict; the caller applies them once.
func (a edit) conflicts(b edit) bool {
	if a == b {
		return false
	}
	if a.start < b.end && b.start < a.end {
		return true
	}
	if a.start == a.end && b.start == b.end && a.start == b.start {
		// Import declarations added at one place may go in either order.
		return !isImport(a.text) || !isImport(b.text)
	}
	return false
}

// importSpec matches one import as the fixes insert it: a declaration
// after the last import declaration ("\n\nimport name \"path\""), a spec
// at the end of an import declaration, in its last group or a group of its
// own ("\n\tname \"path\"", "\n\n\tname \"path\""), or a spec placed
// before another one ("\"path\"\n\t").
var importSpec = regexp.MustCompile(`\n\n?(?:import |\t)(?:[\pL_][\pL\pN_]* )?"[^"\n]+"|(?:[\pL_][\pL\pN_]* )?"[^"\n]+"\n\t`)

// importUnits splits text into the imports it adds, or returns nil when
// it is not made of imports only.
func importUnits(text string) []string {
	units := importSpec.FindAllString(text, -1)
	if len(units) == 0 || strings.Join(units, "") != text {
		return nil
	}
	return units
}

func isImport(text string) bool {
	u := importUnits(text)
	return len(u) == 1
}

// splitImports splits an insertion that adds several imports (the fixes
// join the insertions they make at one offset) into one edit per import,
// so that they coalesce with those of other fixes one by one. Any other
// edit is returned as it is.
func splitImports(e edit) []edit {
	if e.start != e.end {
		return []edit{e}
	}
	units := importUnits(e.text)
	if len(units) < 2 {
		return []edit{e}
	}
	var out []edit
	for _, u := range units {
		out = append(out, edit{e.start, e.end, u})
	}
	return out
}

// fileFix is the merged edits to one file.
type fileFix struct {
	name     string
	old, new []byte
	edits    []edit
}

// fixPlan is the outcome of merging the suggested fixes of the findings.
type fixPlan struct {
	files     map[string]*fileFix
	fixed     map[*finding]bool // findings whose fix is in the plan
	applied   int               // fixes in the plan
	conflicts int               // fixes left out: they overlap a fix in the plan
	generated int               // fixes left out: they edit a generated file
	outside   int               // fixes left out: they edit a file of no analysed package
}

// planFixes merges the first suggested fix of each finding, in report
// order. A fix goes in whole or not at all: one that overlaps an edit
// already planned is left out (and counted), one that edits a generated
// file too, or a file outside the analysed packages (a dependency's, in
// the module cache or GOROOT). Identical edits (the same import or helper
// added by several fixes) are applied once. files maps the files of the
// analysed packages to whether they are generated.
func planFixes(findings []*finding, src *format.Sources, files map[string]bool) (*fixPlan, error) {
	p := &fixPlan{files: make(map[string]*fileFix), fixed: make(map[*finding]bool)}
next:
	for _, f := range findings {
		if len(f.diag.SuggestedFixes) == 0 {
			continue
		}
		fset := f.act.Package.Fset
		pending := make(map[string][]edit)
		for _, te := range f.diag.SuggestedFixes[0].TextEdits {
			tf := fset.File(te.Pos)
			if tf == nil {
				return nil, fmt.Errorf("%s: a fix of %s edits a position outside the files", f.act, f.check())
			}
			name := tf.Name()
			switch generated, ok := files[name]; {
			case !ok:
				p.outside++
				continue next
			case generated:
				p.generated++
				continue next
			}
			ff := p.files[name]
			if ff == nil {
				content, err := src.Read(name)
				if err != nil {
					return nil, err
				}
				if len(content) != tf.Size() {
					return nil, fmt.Errorf("%s changed since it was analysed; no fix applied, run again", name)
				}
				ff = &fileFix{name: name, old: content}
				p.files[name] = ff
			}
			end := te.End
			if !end.IsValid() {
				end = te.Pos
			}
			for _, e := range splitImports(edit{tf.Offset(te.Pos), tf.Offset(end), string(te.NewText)}) {
				if slices.Contains(ff.edits, e) || slices.Contains(pending[name], e) {
					continue // coalesce
				}
				for _, other := range ff.edits {
					if e.conflicts(other) {
						p.conflicts++
						continue next
					}
				}
				for _, other := range pending[name] {
					// The edits of one fix are in the order it wants them:
					// its insertions at one offset are not in conflict.
					if e.conflicts(other) && !(e.start == e.end && other.start == other.end && e.start == other.start) {
						p.conflicts++
						continue next
					}
				}
				pending[name] = append(pending[name], e)
			}
		}
		for name, edits := range pending {
			p.files[name].edits = append(p.files[name].edits, edits...)
		}
		p.applied++
		p.fixed[f] = true
	}
	for name, ff := range p.files {
		if len(ff.edits) == 0 {
			delete(p.files, name) // only coalesced into, or read for a fix left out
		}
	}
	return p, nil
}

// format applies the planned edits to each file and gofmts the result. A
// file that no longer parses fails the whole plan: nothing is written.
func (p *fixPlan) format() error {
	for _, ff := range p.sorted() {
		edits := slices.Clone(ff.edits)
		// An insertion sorts before a replacement at its offset, so that
		// it lands before the replaced text as it was planned to.
		slices.SortStableFunc(edits, func(a, b edit) int {
			return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
		})
		var buf []byte
		last := 0
		for _, e := range edits {
			buf = append(buf, ff.old[last:e.start]...)
			buf = append(buf, e.text...)
			last = e.end
		}
		buf = append(buf, ff.old[last:]...)
		formatted, err := goformat.Source(buf)
		if err != nil {
			return fmt.Errorf("the fixes to %s do not leave valid Go (%v); no file changed", ff.name, err)
		}
		ff.new = formatted
	}
	return nil
}

// sorted returns the files of the plan by name.
func (p *fixPlan) sorted() []*fileFix {
	var list []*fileFix
	for _, ff := range p.files {
		list = append(list, ff)
	}
	slices.SortFunc(list, func(a, b *fileFix) int { return strings.Compare(a.name, b.name) })
	return list
}

// writeDiff prints the planned changes as a unified diff whose paths are
// relative to the module root, a/ and b/ prefixed (for git apply, patch -p1).
func (p *fixPlan) writeDiff(w io.Writer, root string) error {
	for _, ff := range p.sorted() {
		rel, _ := format.RelPath(root, ff.name)
		if _, err := io.WriteString(w, udiff.Unified("a/"+rel, "b/"+rel, string(ff.old), string(ff.new))); err != nil {
			return err
		}
	}
	return nil
}

// summary describes the plan in a sentence.
func (p *fixPlan) summary(diff bool) string {
	var b strings.Builder
	if diff {
		fmt.Fprintf(&b, "the diff holds %s to %s", plural(p.applied, "fix", "fixes"), plural(len(p.files), "file", "files"))
	} else {
		fmt.Fprintf(&b, "applied %s to %s", plural(p.applied, "fix", "fixes"), plural(len(p.files), "file", "files"))
	}
	if p.conflicts > 0 {
		fmt.Fprintf(&b, "; skipped %s that conflict with another (run again to apply them)", plural(p.conflicts, "fix", "fixes"))
	}
	if p.generated > 0 {
		fmt.Fprintf(&b, "; skipped %s to generated files", plural(p.generated, "fix", "fixes"))
	}
	if p.outside > 0 {
		fmt.Fprintf(&b, "; skipped %s to files outside the analysed packages", plural(p.outside, "fix", "fixes"))
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// write replaces the files of the plan. A file is never half written: each
// new content goes to a temporary file in the same directory, is synced,
// and renamed over the old file. All temporary files are written before
// the first rename, so a failure to write (disk full, permissions) changes
// no file; only a failing rename, after the others succeeded, leaves some
// files new and the others old, and the error names them.
func (p *fixPlan) write(fsys fileSystem) error {
	type staged struct {
		target, temp string
	}
	var done []staged
	cleanup := func() {
		for _, s := range done {
			fsys.Remove(s.temp)
		}
	}
	for _, ff := range p.sorted() {
		target := ff.name
		if real, err := filepath.EvalSymlinks(target); err == nil {
			target = real // replace the file a symbolic link points to, not the link
		}
		temp, err := stage(fsys, target, ff.new)
		if err != nil {
			cleanup()
			return fmt.Errorf("writing %s: %v; no file changed", ff.name, err)
		}
		done = append(done, staged{target, temp})
	}
	for i, s := range done {
		if err := fsys.Rename(s.temp, s.target); err != nil {
			var updated, left []string
			for _, s := range done[:i] {
				updated = append(updated, s.target)
			}
			for _, s := range done[i:] {
				fsys.Remove(s.temp)
				left = append(left, s.target)
			}
			return fmt.Errorf("replacing %s: %v; updated: %s; unchanged: %s",
				s.target, err, listOrNone(updated), strings.Join(left, ", "))
		}
	}
	return nil
}

func listOrNone(list []string) string {
	if len(list) == 0 {
		return "none"
	}
	return strings.Join(list, ", ")
}

// stage writes content to a new temporary file next to target, with
// target's permissions, synced to disk, and returns its name.
func stage(fsys fileSystem, target string, content []byte) (string, error) {
	info, err := fsys.Stat(target)
	if err != nil {
		return "", err
	}
	return stageWithMode(fsys, target, content, info.Mode().Perm())
}

// stageWithMode is stage for a target that may not exist yet: the
// temporary file gets the permissions perm.
func stageWithMode(fsys fileSystem, target string, content []byte, perm os.FileMode) (string, error) {
	dir, base := filepath.Split(target)
	f, err := fsys.CreateTemp(dir, "."+base+".upstreamlint-*")
	if err != nil {
		return "", err
	}
	_, err = f.Write(content)
	err = errors.Join(err, f.Chmod(perm), f.Sync(), f.Close())
	if err != nil {
		fsys.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// fileSystem is what write needs of the operating system; tests inject
// failures through it.
type fileSystem interface {
	Stat(name string) (fs.FileInfo, error)
	CreateTemp(dir, pattern string) (tempFile, error)
	Rename(oldpath, newpath string) error
	Remove(name string) error
}

// tempFile is the part of *os.File that stage uses.
type tempFile interface {
	io.Writer
	Name() string
	Chmod(fs.FileMode) error
	Sync() error
	Close() error
}

type osFS struct{}

func (osFS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }

func (osFS) CreateTemp(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }

func (osFS) Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }

func (osFS) Remove(name string) error { return os.Remove(name) }
