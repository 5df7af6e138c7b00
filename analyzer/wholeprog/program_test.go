package wholeprog

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
)

// depResult is a fact whose first result is a dependency error.
func depResult() *FuncFact {
	return &FuncFact{Results: [][]labels.FactLabel{{{Kind: knowledge.KindDepError, Param: -1}}}}
}

// layered returns the summaries of a handler package calling a
// repository interface, and of two packages converting types to it.
func layered() []*PackageSummary {
	h := NewPackageSummary("m/handler")
	get := MethodSig{"Get", "func(id string) error"}
	h.Dynamic["m/handler.Repo.Get"] = DynSite{Methods: []MethodSig{get, {"m/handler.close", "func()"}}, Method: "Get"}

	store := NewPackageSummary("m/store")
	sqlGet := FuncImpl{Func: "(*m/store.SQL).Get", Pkg: "m/store", Ref: FuncRef{Name: "(*store.SQL).Get", Pos: "/src/store/sql.go:15:20", Len: 3}}
	store.Funcs[sqlGet.Func] = FuncEntry{Fact: depResult(), Ref: sqlGet.Ref}
	store.Types = []ConvType{
		// implements Repo: the unexported method is the handler
		// package's own (embedded)
		{Type: "*m/store.SQL", Methods: []MethodImpl{
			{get, sqlGet},
			{MethodSig{"m/handler.close", "func()"}, FuncImpl{Func: "(m/handler.Base).close", Pkg: "m/handler"}},
		}},
		// a method of the same name, but another package's unexported
		// close: it does not implement Repo
		{Type: "*m/store.Other", Methods: []MethodImpl{
			{get, FuncImpl{Func: "(*m/store.Other).Get", Pkg: "m/store"}},
			{MethodSig{"m/store.close", "func()"}, FuncImpl{Func: "(*m/store.Other).close", Pkg: "m/store"}},
		}},
	}
	store.Funcs["(*m/store.Other).Get"] = FuncEntry{Fact: depResult()}

	mem := NewPackageSummary("m/mem")
	mem.Types = []ConvType{
		// the signature differs: not an implementation
		{Type: "*m/mem.Users", Methods: []MethodImpl{
			{MethodSig{"Get", "func(id int) error"}, FuncImpl{Func: "(*m/mem.Users).Get", Pkg: "m/mem"}},
			{MethodSig{"m/handler.close", "func()"}, FuncImpl{Func: "(m/handler.Base).close", Pkg: "m/handler"}},
		}},
	}
	mem.Funcs["(*m/mem.Users).Get"] = FuncEntry{Fact: depResult()}
	return []*PackageSummary{store, h, mem}
}

// TestJoinByNames: a type implements an interface when its method set
// holds each of the interface's methods by name (unexported names
// qualified by their package) and signature; the join is the union of
// the implementations' summaries, and the packages that met the key are
// analysed again.
func TestJoinByNames(t *testing.T) {
	p := Join(layered(), []string{"m/handler", "m/store", "m/mem"}, []string{"m"})
	ff := p.Joined["m/handler.Repo.Get"]
	require.NotNil(t, ff)
	assert.Equal(t, [][]labels.FactLabel{{{Kind: knowledge.KindDepError, Param: -1}}}, ff.Results)
	assert.Equal(t, []FuncRef{{Name: "(*store.SQL).Get", Pos: "/src/store/sql.go:15:20", Len: 3}}, p.Implementations("m/handler.Repo.Get"))
	assert.True(t, p.Again("m/handler"))
	assert.False(t, p.Again("m/store"))
	assert.Equal(t, 1, p.KeyCount())
	assert.Equal(t, 1, p.Resolved())
	assert.Equal(t, 3, p.ConvertedTypes())

	// the order of the summaries does not matter
	ss := layered()
	ss[0], ss[2] = ss[2], ss[0]
	q := Join(ss, []string{"m/handler", "m/store", "m/mem"}, []string{"m"})
	assert.Equal(t, p.programData, q.programData)
}

// TestProgramPos: a position of the program maps into a file set that
// does not hold its file (a package analysed alone), and into the file
// itself when the set holds it.
func TestProgramPos(t *testing.T) {
	p := &Program{}
	fset := token.NewFileSet()
	for _, posn := range []string{"/src/store/sql.go:15:20", "/src/store/sql.go:3:1", "/src/a:b/c.go:1:7"} {
		pos := p.Pos(fset, posn)
		require.True(t, pos.IsValid(), posn)
		assert.Equal(t, posn, fset.Position(pos).String())
	}
	assert.False(t, p.Pos(fset, "nonsense").IsValid())
	assert.False(t, p.Pos(fset, "/src/store/sql.go:15").IsValid(), "a position without a column")

	// a file of the set
	fset2 := token.NewFileSet()
	f := fset2.AddFile("/src/h.go", -1, 100)
	f.SetLines([]int{0, 10, 20, 30})
	pos := p.Pos(fset2, "/src/h.go:3:4")
	assert.Equal(t, f.Pos(23), pos)

	// The file export data gives an imported package: one byte a line,
	// no columns. The position is not in it (its line 34 column 31
	// would read back as line 64, column 1), so it gets a file of its
	// own.
	fset3 := token.NewFileSet()
	fake := fset3.AddFile("/src/static.go", -1, 200)
	lines := make([]int, 200)
	for i := range lines {
		lines[i] = i
	}
	fake.SetLines(lines)
	pos = p.Pos(fset3, "/src/static.go:34:31")
	require.True(t, pos.IsValid())
	assert.Equal(t, "/src/static.go:34:31", fset3.Position(pos).String())
}

// TestSigString: signatures spell the same whatever their parameters'
// names, at any depth, and differ with their types.
func TestSigString(t *testing.T) {
	src := `package p
type T struct{ A int }
type I interface {
	M(ctx string, f func(old T) (T, error), opts ...int) error
}
type S struct{}
func (S) M(c string, f func(t T) (T, error), o ...int) error { return nil }
func (S) N(c string, f func(t T) (*T, error), o ...int) error { return nil }
func (S) V(c string, f func(t T) (T, error), o []int) error { return nil }
func (S) W(c string, f func(t T) (T, error), o ...int) error { return nil }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	require.NoError(t, err)
	pkg, err := new(types.Config).Check("example.com/p", fset, []*ast.File{f}, nil)
	require.NoError(t, err)
	iface := pkg.Scope().Lookup("I").Type().Underlying().(*types.Interface)
	want := SigString(iface.Method(0).Type())
	assert.Equal(t, "func(string, func(example.com/p.T) (example.com/p.T, error), ...int) (error)", want)
	s := pkg.Scope().Lookup("S").Type()
	method := func(name string) string {
		obj, _, _ := types.LookupFieldOrMethod(s, false, pkg, name)
		return SigString(obj.Type())
	}
	assert.Equal(t, want, method("M"))
	assert.Equal(t, want, method("W"))
	assert.NotEqual(t, want, method("N"))
	assert.NotEqual(t, want, method("V"))
}

// TestDeclColumn: the column of a declared function's name on its line,
// for positions from export data, which have lines only.
func TestDeclColumn(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x.go")
	src := "package x\n\nfunc f() {}\n\nfunc (c *Client) Do(req int) {}\n\nfunc Map[T any](x T) T { return x }\n\nvar Do = 1\n\nfunc (f fn) f() {}\n"
	require.NoError(t, os.WriteFile(file, []byte(src), 0o644))
	for _, tc := range []struct {
		line int
		name string
		want int
	}{
		{3, "f", 6},
		{5, "Do", 18},
		{7, "Map", 6},
		{9, "Do", 0},  // not a func declaration
		{11, "f", 13}, // the receiver's name is not it
		{5, "Get", 0},
		{40, "f", 0},
	} {
		assert.Equal(t, tc.want, declColumn(file, tc.line, tc.name), "%d %s", tc.line, tc.name)
	}
	assert.Equal(t, 0, declColumn(filepath.Join(t.TempDir(), "none.go"), 1, "f"))
}

// TestJoinStatusHelpers: the service methods' returns of a status helper
// are gathered by helper, once per site (a package and its test variant
// make the same call), in source order, and the helper's and the
// callers' packages are analysed again; a helper outside the linted
// packages is left to its callers.
func TestJoinStatusHelpers(t *testing.T) {
	call := func(caller, file string, line int, helper, helperPkg string) StatusHelperCall {
		return StatusHelperCall{At: token.Position{Filename: file, Line: line, Column: 9}, HelperName: helper, HelperPkg: helperPkg, CallerPkg: caller, Code: "Internal", Dep: true}
	}
	a := NewPackageSummary("m/a")
	a.StatusHelpers = []StatusHelperCall{
		call("m/a", "/src/a/a.go", 30, "m/errs.FromStoreError", "m/errs"),
		call("m/a", "/src/a/a.go", 12, "m/errs.FromStoreError", "m/errs"),
		call("m/a", "/src/a/a.go", 40, "lib/errs.Wrap", "lib/errs"),
	}
	aTest := NewPackageSummary("m/a") // the test variant: the same calls
	aTest.StatusHelpers = slices.Clone(a.StatusHelpers)
	b := NewPackageSummary("m/b")
	b.StatusHelpers = []StatusHelperCall{call("m/b", "/src/b/b.go", 7, "m/errs.FromStoreError", "m/errs")}
	p := Join([]*PackageSummary{b, a, aTest}, []string{"m/a", "m/b", "m/errs", "m/other"}, []string{"m"})

	cs, ok := p.StatusHelpers["m/errs.FromStoreError"]
	require.True(t, ok)
	var at []string
	for _, c := range cs {
		at = append(at, c.At.String())
	}
	assert.Equal(t, []string{"/src/a/a.go:12:9", "/src/a/a.go:30:9", "/src/b/b.go:7:9"}, at)
	_, ok = p.StatusHelpers["lib/errs.Wrap"]
	assert.False(t, ok, "a helper that is not linted is reported at its calls")
	for _, pkg := range []string{"m/errs", "m/a", "m/b"} {
		assert.True(t, p.Again(pkg), pkg)
	}
	assert.False(t, p.Again("m/other"))
}
