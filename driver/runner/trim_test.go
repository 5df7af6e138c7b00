package runner

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const trimSrc = `package p

const (
	_ = iota
	A
	b
)

type T struct{ f used }

type used int

func (u used) m(x int) (y int) { return 0 }

type unused struct{}

func (unused) M() {}

type alias = T

func (alias) N(a, b int) {}

type viaVar struct{}

type viaFunc struct{}

var X = helper()

func helper() viaFunc { return viaFunc{} }

var y = 1

var _ = y

func z() {}

func init() {}

type I interface{ M(name string) (n int, err error) }

func F(w T, h func(k int)) (err error) {
	var v viaVar
	_ = v
	return nil
}

var (
	c    = [len(arr)]int{}
	C    = c
	_, d = 1, 2
)

var arr [3]int
`

// TestDropUnreachable checks what dropUnreachable keeps of a package and
// that the package and an importer of it still type-check.
func TestDropUnreachable(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", trimSrc, parser.SkipObjectResolution)
	require.NoError(t, err)
	trimDecls([]*ast.File{f})

	var names []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			name := d.Name.Name
			if d.Recv != nil {
				name = declName(d) + "." + name
			}
			names = append(names, name)
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					names = append(names, s.Name.Name)
				case *ast.ValueSpec:
					for _, n := range s.Names {
						names = append(names, n.Name)
					}
				}
			}
		}
	}
	// dropped: unused and its method, viaVar (named in a body only), y
	// and var _ = y (y is also a result's name, which refers to nothing),
	// z, init, d (with its blank)
	assert.Equal(t, []string{
		"_", "A", "b", // constants, all
		"T", "used", "used.m", // used: in T's fields
		"alias", "alias.N", // an alias's methods are its type's
		"viaFunc", "X", "helper", // helper: in X's initializer
		"I", "F",
		"c", "C", // c: in C's initializer
		"arr", // in c's
	}, names)

	// the parameters are blank, the methods' receivers too
	var params []string
	fields := func(fl *ast.FieldList) {
		if fl != nil {
			for _, field := range fl.List {
				for _, n := range field.Names {
					params = append(params, n.Name)
				}
			}
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			fields(n.Recv)
		case *ast.FuncType:
			fields(n.Params)
			fields(n.Results)
		}
		return true
	})
	assert.NotEmpty(t, params)
	for _, p := range params {
		if p != "_" {
			t.Errorf("a parameter, result or receiver is still named %s", p)
		}
	}

	conf := types.Config{IgnoreFuncBodies: true, Importer: importer.Default()}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, nil)
	require.NoError(t, err, "the trimmed package type-checks")
	sig := pkg.Scope().Lookup("F").Type().(*types.Signature)
	assert.Equal(t, 2, sig.Params().Len(), "F keeps its parameters")
	assert.Equal(t, 1, sig.Results().Len())

	user, err := parser.ParseFile(fset, "q.go", `package q

import "p"

var _ p.I
var _ = p.F(p.T{}, func(int) {})
var _ = p.X
var _ = p.C
var _ = p.A
func g(a p.T, b int) { a.N(b, b) } // N: declared on an unexported alias of T
`, parser.SkipObjectResolution)
	require.NoError(t, err)
	uconf := types.Config{Importer: importerFunc(func(path string) (*types.Package, error) {
		if path == "p" {
			return pkg, nil
		}
		return importer.Default().Import(path)
	})}
	_, err = uconf.Check("q", fset, []*ast.File{user}, nil)
	require.NoError(t, err, "an importer type-checks against the trimmed package")

}

// TestTrimKeepsAPI type-checks packages of the standard library without
// bodies, trimmed and not, and compares what their importers can see:
// every exported object and the method sets of every type the exported
// objects reach, but for the names of parameters.
func TestTrimKeepsAPI(t *testing.T) {
	for _, path := range []string{"encoding/json", "net/url", "text/template/parse", "net/http"} {
		t.Run(path, func(t *testing.T) {
			bp, err := build.Import(path, "", 0)
			require.NoError(t, err)
			check := func(trim bool) *types.Package {
				fset := token.NewFileSet()
				var files []*ast.File
				for _, name := range bp.GoFiles {
					f, err := parser.ParseFile(fset, filepath.Join(bp.Dir, name), nil, parser.SkipObjectResolution)
					require.NoError(t, err)
					files = append(files, f)
				}
				if trim {
					trimDecls(files)
				} else {
					blankParams(files)
				}
				conf := types.Config{IgnoreFuncBodies: true, Importer: importer.ForCompiler(fset, "source", nil)}
				pkg, err := conf.Check(path, fset, files, nil)
				require.NoError(t, err)
				return pkg
			}
			full, trimmed := api(check(false)), api(check(true))
			assert.Equal(t, full, trimmed)
			assert.Greater(t, len(full), 20, "the API compared is not empty")
		})
	}
}

// api lists what importers of pkg can see of it: its exported objects,
// and the method sets (unexported methods included) of the package's
// named types that these reach.
func api(pkg *types.Package) []string {
	var out []string
	qual := types.RelativeTo(pkg)
	seen := make(map[types.Type]bool)
	var reach func(t types.Type)
	reach = func(t types.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.Named:
			if t.Obj().Pkg() != pkg {
				return
			}
			ms := types.NewMethodSet(types.NewPointer(t))
			for m := range ms.Methods() {
				out = append(out, types.TypeString(t, qual)+"."+m.Obj().Name()+" "+types.TypeString(m.Type(), qual))
				reach(m.Type())
			}
			reach(t.Underlying())
		case *types.Pointer:
			reach(t.Elem())
		case *types.Slice:
			reach(t.Elem())
		case *types.Array:
			reach(t.Elem())
		case *types.Map:
			reach(t.Key())
			reach(t.Elem())
		case *types.Chan:
			reach(t.Elem())
		case *types.Struct:
			for f := range t.Fields() {
				out = append(out, "field "+f.Name()+" "+types.TypeString(f.Type(), qual))
				reach(f.Type())
			}
		case *types.Signature:
			for v := range t.Params().Variables() {
				reach(v.Type())
			}
			for v := range t.Results().Variables() {
				reach(v.Type())
			}
		case *types.Interface:
			for m := range t.Methods() {
				reach(m.Type())
			}
		}
	}
	for _, name := range pkg.Scope().Names() {
		obj := pkg.Scope().Lookup(name)
		if !obj.Exported() {
			continue
		}
		s := types.ObjectString(obj, qual)
		if c, ok := obj.(*types.Const); ok {
			s += " = " + c.Val().ExactString()
		}
		out = append(out, s)
		reach(obj.Type())
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestDropConstTables checks which tables of constants dropConstTables
// empties, and that the package keeps its types.
func TestDropConstTables(t *testing.T) {
	nums := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "%d, ", i-n/2)
		}
		return b.String()
	}
	pairs := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "%d: %d, ", i, i)
		}
		return b.String()
	}
	src := `package p

var arr = [...]int16{` + nums(100) + `}
const N = len(arr)
var bytes = []byte{` + nums(64) + `}
var nested = [][]int{{` + nums(40) + `}, {` + nums(40) + `}}
var short = []int{` + nums(63) + `}
var withName = []int{N, ` + nums(100) + `}
var keyed = []int{0: 1, ` + nums(100) + `}
var m = map[int]int{` + pairs(70) + `}
var sum = [...]struct{ a, b int }{` + strings.Repeat("{1, 2}, ", 40) + `}
var _ [N]int = [100]int{}

func f() []int { return []int{` + nums(100) + `} }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.SkipObjectResolution)
	require.NoError(t, err)
	dropConstTables([]*ast.File{f})
	elems := make(map[string]int)
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, s := range gd.Specs {
			if vs, ok := s.(*ast.ValueSpec); ok && len(vs.Values) == 1 {
				if lit, ok := vs.Values[0].(*ast.CompositeLit); ok {
					elems[vs.Names[0].Name] = len(lit.Elts)
				}
			}
		}
	}
	assert.Equal(t, map[string]int{
		"arr": 0, "bytes": 0, "nested": 0, "sum": 0, // emptied
		"short": 63, "withName": 101, "keyed": 101, "m": 70, "_": 0, // kept
	}, elems)
	fn := f.Decls[len(f.Decls)-1].(*ast.FuncDecl)
	ret := fn.Body.List[0].(*ast.ReturnStmt).Results[0].(*ast.CompositeLit)
	assert.Len(t, ret.Elts, 100, "a literal in a function body is kept")

	pkg, err := (&types.Config{}).Check("p", fset, []*ast.File{f}, nil)
	require.NoError(t, err, "the package still type-checks")
	assert.Equal(t, "[100]int16", pkg.Scope().Lookup("arr").Type().String(), "[...] keeps its length")
	assert.Equal(t, "[40]struct{a int; b int}", pkg.Scope().Lookup("sum").Type().String())
	assert.Equal(t, "100", pkg.Scope().Lookup("N").(*types.Const).Val().String())
}
