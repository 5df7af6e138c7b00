package report

import (
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
)

// TestIntoStdGroup checks that a standard import added by a fix lands
// where gofmt keeps it: the fixed file is gofmt-clean and has the import.
func TestIntoStdGroup(t *testing.T) {
	cases := []struct {
		name, src, want string
		ok              bool
	}{
		{"middle", "package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\n\t\"example.com/x\"\n)\n",
			"package p\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\t\"os\"\n\n\t\"example.com/x\"\n)\n", true},
		{"last", "package p\n\nimport (\n\t\"fmt\"\n\t\"log\" // logging\n\n\t\"example.com/x\"\n)\n",
			"package p\n\nimport (\n\t\"fmt\"\n\t\"log\" // logging\n\t\"net/http\"\n\n\t\"example.com/x\"\n)\n", true},
		{"before doc comment", "package p\n\nimport (\n\t\"fmt\"\n\t// os for exit\n\t\"os\"\n)\n",
			"package p\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\t// os for exit\n\t\"os\"\n)\n", true},
		{"blank-line blocks", "package p\n\nimport (\n\t\"fmt\"\n\n\t\"os\"\n)\n",
			"package p\n\nimport (\n\t\"fmt\"\n\n\t\"net/http\"\n\t\"os\"\n)\n", true},
		{"named", "package p\n\nimport (\n\t_ \"embed\"\n\tstdlog \"log\"\n)\n",
			"package p\n\nimport (\n\t_ \"embed\"\n\tstdlog \"log\"\n\t\"net/http\"\n)\n", true},
		{"third-party first", "package p\n\nimport (\n\t\"example.com/x\"\n)\n", "", false},
		{"no parentheses", "package p\n\nimport \"fmt\"\n", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := InsertImport(t, c.src, func(f *ast.File) (token.Pos, string, bool) {
				return intoStdGroup(f, "net/http", strconv.Quote("net/http"))
			})
			require.Equal(t, c.ok, ok)
			if !ok {
				return
			}
			assert.Equal(t, c.want, got)
			g, err := parser.ParseFile(token.NewFileSet(), "p.go", got, parser.ImportsOnly)
			require.NoError(t, err)
			assert.True(t, Imports(g, "net/http"))
		})
	}
}

// InsertImport parses src, asks place where an import goes, and returns
// src with it inserted, after checking that the result is gofmt-clean.
func InsertImport(t *testing.T, src string, place func(*ast.File) (token.Pos, string, bool)) (string, bool) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	require.NoError(t, err)
	pos, text, ok := place(f)
	if !ok {
		return "", false
	}
	off := fset.Position(pos).Offset
	got := src[:off] + text + src[off:]
	formatted, err := format.Source([]byte(got))
	require.NoError(t, err)
	assert.Equal(t, got, string(formatted), "not gofmt-clean")
	return got, true
}

func Imports(f *ast.File, path string) bool {
	for _, is := range f.Imports {
		if p, _ := strconv.Unquote(is.Path.Value); p == path {
			return true
		}
	}
	return false
}

// TestIntoLastGroup checks where a non-standard import added by a fix
// lands: in the last group when it holds non-standard imports, else in a
// group of its own; the result is gofmt-clean after sorting.
func TestIntoLastGroup(t *testing.T) {
	spec := `status "google.golang.org/grpc/status"`
	cases := []struct {
		name, src, want string
		ok              bool
	}{
		{"third-party group", "package p\n\nimport (\n\t\"context\"\n\n\t\"example.com/pb\"\n)\n",
			"package p\n\nimport (\n\t\"context\"\n\n\t\"example.com/pb\"\n\tstatus \"google.golang.org/grpc/status\"\n)\n", true},
		{"standard only", "package p\n\nimport (\n\t\"context\"\n\t\"fmt\" // printing\n)\n",
			"package p\n\nimport (\n\t\"context\"\n\t\"fmt\" // printing\n\n\tstatus \"google.golang.org/grpc/status\"\n)\n", true},
		{"no parentheses", "package p\n\nimport \"fmt\"\n", "", false},
		{"no imports", "package p\n", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := InsertImport(t, c.src, func(f *ast.File) (token.Pos, string, bool) {
				return intoLastGroup(f, spec)
			})
			require.Equal(t, c.ok, ok)
			if ok {
				assert.Equal(t, c.want, got)
			}
		})
	}
}

// TestMergeInsertions: the insertions of one fix at one offset become one
// edit, in the fix's order; replacements and other insertions stay.
func TestMergeInsertions(t *testing.T) {
	edits := []analysis.TextEdit{
		{Pos: 10, End: 12, NewText: []byte("x")},
		{Pos: 5, End: 5, NewText: []byte("\n\timport a")},
		{Pos: 20, NewText: []byte("tail")},
		{Pos: 5, End: 5, NewText: []byte("\n\timport b")},
		{Pos: 10, End: 10, NewText: []byte("y")},
	}
	got := MergeInsertions(edits)
	assert.Equal(t, []analysis.TextEdit{
		{Pos: 10, End: 12, NewText: []byte("x")},
		{Pos: 5, End: 5, NewText: []byte("\n\timport a\n\timport b")},
		{Pos: 20, End: 20, NewText: []byte("tail")},
		{Pos: 10, End: 10, NewText: []byte("y")},
	}, got)
	assert.Equal(t, "\n\timport a", string(edits[1].NewText), "the input is not modified")
}
