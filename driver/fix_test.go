package driver

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
)

func TestEditConflicts(t *testing.T) {
	for _, tc := range []struct {
		a, b edit
		want bool
	}{
		{edit{0, 5, "x"}, edit{0, 5, "x"}, false},   // identical: applied once
		{edit{0, 5, "x"}, edit{3, 8, "y"}, true},    // overlap
		{edit{0, 5, "x"}, edit{5, 8, "y"}, false},   // adjacent
		{edit{2, 2, "x"}, edit{0, 5, "y"}, true},    // insertion inside a replacement
		{edit{0, 0, "x"}, edit{0, 5, "y"}, false},   // insertion before a replacement
		{edit{5, 5, "x"}, edit{0, 5, "y"}, false},   // insertion after a replacement
		{edit{3, 3, "x"}, edit{3, 3, "y"}, true},    // two insertions at one offset: no right order
		{edit{3, 3, "x"}, edit{4, 4, "y"}, false},   // insertions apart
		{edit{0, 5, "x"}, edit{0, 5, "y"}, true},    // the same range replaced differently
		{edit{10, 12, ""}, edit{0, 5, "y"}, false},  // apart
		{edit{0, 10, "x"}, edit{2, 3, "x"}, true},   // nested
		{edit{7, 7, "\n"}, edit{7, 7, "\n"}, false}, // the same helper added twice
		// Different imports added at one place: any order is right.
		{edit{7, 7, "\n\nimport codes \"google.golang.org/grpc/codes\""}, edit{7, 7, "\n\nimport \"example.com/x\""}, false},
		{edit{7, 7, "\n\tcodes \"google.golang.org/grpc/codes\""}, edit{7, 7, "\n\n\tstatus \"google.golang.org/grpc/status\""}, false},
		{edit{7, 7, "\"net/http\"\n\t"}, edit{7, 7, "\"fmt\"\n\t"}, false},
		// An import and anything else at one place: no right order.
		{edit{7, 7, "\n\tcodes \"google.golang.org/grpc/codes\""}, edit{7, 7, "\n\treturn x"}, true},
		{edit{7, 7, "\n\tcodes \"a\"\n\treturn x"}, edit{7, 7, "\n\t\"b\""}, true},
	} {
		assert.Equal(t, tc.want, tc.a.conflicts(tc.b), "%v %v", tc.a, tc.b)
		assert.Equal(t, tc.want, tc.b.conflicts(tc.a), "%v %v (swapped)", tc.b, tc.a)
	}
}

// TestSplitImports: an insertion of several imports (one fix's, joined by
// analyzer.MergeInsertions) splits into one edit per import, so each
// coalesces with the same import added by another fix.
func TestSplitImports(t *testing.T) {
	joined := edit{7, 7, "\n\tcodes \"google.golang.org/grpc/codes\"\n\tstatus \"google.golang.org/grpc/status\""}
	assert.Equal(t, []edit{
		{7, 7, "\n\tcodes \"google.golang.org/grpc/codes\""},
		{7, 7, "\n\tstatus \"google.golang.org/grpc/status\""},
	}, splitImports(joined))
	decls := edit{3, 3, "\n\nimport a \"example.com/a\"\n\nimport \"example.com/b\""}
	assert.Len(t, splitImports(decls), 2)
	for _, e := range []edit{
		{7, 7, "\n\tcodes \"google.golang.org/grpc/codes\"\nfunc f() {}"}, // not only imports
		{0, 5, "\n\t\"a\"\n\t\"b\""},                                      // a replacement
		{7, 7, "\n\t\"a\""},                                               // one import
	} {
		assert.Equal(t, []edit{e}, splitImports(e), "%q", e.text)
	}
}

// faultyFS is the operating system, except that writing the content of a
// file or renaming onto it fails when its name contains failWrite or
// failRename: a disk that fills up or a rename refused half-way.
type faultyFS struct {
	osFS
	failWrite, failRename string
}

func (f faultyFS) CreateTemp(dir, pattern string) (tempFile, error) {
	tf, err := os.CreateTemp(dir, pattern)
	if err != nil || f.failWrite == "" || !strings.Contains(pattern, f.failWrite) {
		return tf, err
	}
	return &shortWriter{File: tf}, nil
}

func (f faultyFS) Rename(oldpath, newpath string) error {
	if f.failRename != "" && strings.Contains(newpath, f.failRename) {
		return errors.New("rename refused")
	}
	return os.Rename(oldpath, newpath)
}

// shortWriter writes half of what it is given, then fails: the temporary
// file is left half written, as after a crash or a full disk.
type shortWriter struct {
	*os.File
}

func (w *shortWriter) Write(b []byte) (int, error) {
	n, _ := w.File.Write(b[:len(b)/2])
	return n, errors.New("no space left on device")
}

// twoFiles returns a plan replacing the content of a.go and b.go in dir.
func twoFiles(t *testing.T) (dir string, plan *fixPlan, old, new map[string]string) {
	dir = t.TempDir()
	old, new = make(map[string]string), make(map[string]string)
	plan = &fixPlan{files: make(map[string]*fileFix)}
	for _, name := range []string{"a.go", "b.go"} {
		path := filepath.Join(dir, name)
		old[path] = "package p\n\n// old " + name + "\n" + strings.Repeat("var _ = 1\n", 1000)
		new[path] = "package p\n\n// new " + name + "\n" + strings.Repeat("var _ = 2\n", 1000)
		require.NoError(t, os.WriteFile(path, []byte(old[path]), 0o644))
		plan.files[path] = &fileFix{name: path, old: []byte(old[path]), new: []byte(new[path])}
	}
	return dir, plan, old, new
}

func contents(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	files := make(map[string]string)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		files[filepath.Join(dir, e.Name())] = string(data)
	}
	return files
}

// TestWriteFailingWriter: the second file's content cannot be written
// completely. No file may be changed (the first is not renamed into place
// before every file is staged) and no temporary file may be left.
func TestWriteFailingWriter(t *testing.T) {
	dir, plan, old, _ := twoFiles(t)
	err := plan.write(faultyFS{failWrite: "b.go"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no space left on device")
	assert.Contains(t, err.Error(), "no file changed")
	assert.Equal(t, old, contents(t, dir), "both files are fully old, and no temporary file is left")
}

// TestWriteFailingRename: the second rename fails after the first
// succeeded. Each file is either fully new or fully old, and the error
// says which is which.
func TestWriteFailingRename(t *testing.T) {
	dir, plan, old, new := twoFiles(t)
	a, b := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.go")
	err := plan.write(faultyFS{failRename: "b.go"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "updated: "+a)
	assert.Contains(t, err.Error(), "unchanged: "+b)
	assert.Equal(t, map[string]string{a: new[a], b: old[b]}, contents(t, dir))
}

func TestWriteKeepsModeAndLinks(t *testing.T) {
	dir, plan, _, new := twoFiles(t)
	a := filepath.Join(dir, "a.go")
	require.NoError(t, os.Chmod(a, 0o600))
	// b.go is reached through a symbolic link: the file is replaced, the
	// link stays.
	b := filepath.Join(dir, "b.go")
	real := filepath.Join(t.TempDir(), "real.go")
	require.NoError(t, os.Rename(b, real))
	require.NoError(t, os.Symlink(real, b))

	require.NoError(t, plan.write(osFS{}))
	info, err := os.Stat(a)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	got, err := os.ReadFile(real)
	require.NoError(t, err)
	assert.Equal(t, new[b], string(got))
	linfo, err := os.Lstat(b)
	require.NoError(t, err)
	assert.Equal(t, os.ModeSymlink, linfo.Mode().Type())
}

// TestPlanSkipsFilesOutside: a fix that edits a file of no analysed
// package (a dependency's, in the module cache) is left out.
func TestPlanSkipsFilesOutside(t *testing.T) {
	res, err := analyzeChecker(fixture(t), []string{"./..."}, []*analysis.Analyzer{marker}, nil, false, nil)
	require.NoError(t, err)
	files := make(map[string]bool)
	for name, generated := range res.files {
		if !strings.HasSuffix(name, filepath.Join("app", "app.go")) {
			files[name] = generated
		}
	}
	plan, err := planFixes(res.findings, res.src, files)
	require.NoError(t, err)
	assert.Equal(t, 3, plan.outside, "the three fixes to app.go")
	assert.Equal(t, 1, plan.applied)
	assert.Equal(t, 1, plan.conflicts)
	assert.Equal(t, 1, plan.generated)
	assert.Contains(t, plan.summary(false), "skipped 3 fixes to files outside the analysed packages")
}
