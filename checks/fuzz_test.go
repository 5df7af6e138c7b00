package checks_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/upstreamlint/upstreamlint/checks"
	"github.com/upstreamlint/upstreamlint/internal/checktest"
)

// The standard-library packages fuzz inputs may import, type-checked once.
var (
	stdOnce sync.Once
	stdPkgs map[string]*types.Package
	stdErr  error
)

var fuzzImports = []string{
	"context", "database/sql", "encoding/json", "errors", "fmt", "io", "log", "net",
	"net/http", "runtime", "runtime/debug", "strconv", "strings", "bytes", "bufio", "sync",
}

func loadStd(t testing.TB) map[string]*types.Package {
	stdOnce.Do(func() {
		pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedTypes | packages.NeedName | packages.NeedImports | packages.NeedDeps}, fuzzImports...)
		if err != nil {
			stdErr = err
			return
		}
		stdPkgs = make(map[string]*types.Package)
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			if p.Types != nil {
				stdPkgs[p.PkgPath] = p.Types
			}
		})
	})
	if stdErr != nil {
		t.Fatal(stdErr)
	}
	return stdPkgs
}

type mapImporter map[string]*types.Package

func (m mapImporter) Import(path string) (*types.Package, error) {
	if p, ok := m[path]; ok {
		return p, nil
	}
	return nil, os.ErrNotExist
}

// runAll type-checks src as one package and runs every analyzer on it,
// with their requirements, the way a driver does. It returns the
// diagnostics, or ok=false when src is not a valid Go package.
func runAll(t testing.TB, src []byte) (diags []analysis.Diagnostic, ok bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "fuzz.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, false
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		Instances:    make(map[*ast.Ident]types.Instance),
		FileVersions: make(map[*ast.File]string),
	}
	conf := types.Config{Importer: mapImporter(loadStd(t)), Error: func(error) {}}
	pkg, err := conf.Check("example.com/fuzz", fset, []*ast.File{f}, info)
	if err != nil {
		return nil, false
	}
	results := make(map[*analysis.Analyzer]any)
	facts := make(map[types.Object][]analysis.Fact)
	var pkgFacts []analysis.Fact
	var run func(a *analysis.Analyzer)
	run = func(a *analysis.Analyzer) {
		if _, done := results[a]; done {
			return
		}
		for _, req := range a.Requires {
			run(req)
		}
		pass := &analysis.Pass{
			Analyzer: a, Fset: fset, Files: []*ast.File{f}, Pkg: pkg, TypesInfo: info,
			TypesSizes: types.SizesFor("gc", "amd64"), ResultOf: results,
			Report: func(d analysis.Diagnostic) { diags = append(diags, d) },
			ImportObjectFact: func(obj types.Object, fact analysis.Fact) bool {
				for _, x := range facts[obj] {
					if reflect.TypeOf(x) == reflect.TypeOf(fact) {
						reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(x).Elem())
						return true
					}
				}
				return false
			},
			ExportObjectFact:  func(obj types.Object, fact analysis.Fact) { facts[obj] = append(facts[obj], fact) },
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(fact analysis.Fact) { pkgFacts = append(pkgFacts, fact) },
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
		}
		res, err := a.Run(pass)
		if err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		results[a] = res
	}
	for _, a := range checks.All() {
		run(a)
	}
	return diags, true
}

// seeds are the handler cases of the test data that import only the
// standard library.
func seeds(t testing.TB) [][]byte {
	var out [][]byte
	files, _ := filepath.Glob(filepath.Join(checktest.Testdata(t), "src/*/*/*.go"))
	sort.Strings(files)
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), `"example.com/`) && !strings.Contains(string(src), `"github.com/`) && !strings.Contains(string(src), `"google.golang.org/`) {
			out = append(out, src)
		}
	}
	return out
}

// TestSeedsFindSomething checks the runner itself: on the test data it
// must produce findings, or the fuzz target would test nothing.
func TestSeedsFindSomething(t *testing.T) {
	total := 0
	for _, src := range seeds(t) {
		diags, ok := runAll(t, src)
		if !ok {
			continue
		}
		total += len(diags)
	}
	if total < 20 {
		t.Fatalf("the runner reported %d findings on the seed handlers; want at least 20", total)
	}
}

// FuzzAnalyzers mutates handler source: whatever type-checks must be
// analysed without a panic. Run: go test ./checks -fuzz FuzzAnalyzers.
func FuzzAnalyzers(f *testing.F) {
	for _, src := range seeds(f) {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		runAll(t, src) // a panic fails the target
	})
}
