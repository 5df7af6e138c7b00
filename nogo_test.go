package upstreamlint_test

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/checks"
	"github.com/upstreamlint/upstreamlint/leak"
	"github.com/upstreamlint/upstreamlint/passthrough"
	"github.com/upstreamlint/upstreamlint/softerror"
)

// TestNogo runs the checks the way Bazel's nogo (rules_go) does, to show
// they need nothing nogo does not give: nogo's generated main imports each
// check package, validates the analyzers, sets flags from nogo_config.json
// with Flags.Set (on each analyzer and on its Requires), type-checks one
// package at a time against export data, and runs the analyzers through
// a Pass without ReadFile, OtherFiles, IgnoredFiles, Module or TypeErrors,
// with a types.Info without FileVersions. Facts cross package boundaries
// gob-encoded, keyed by objectpath.
func TestNogo(t *testing.T) {
	// nogo's init: analysis.Validate over the registered analyzers.
	require.NoError(t, analysis.Validate(checks.All()))

	// The generated main lists the check packages; here fresh instances,
	// so that setting their flags leaves the package-level analyzers alone.
	shared := analyzer.New(analyzer.DefaultConfig())
	analyzers := []*analysis.Analyzer{
		passthrough.New(shared.Analyzer, passthrough.DefaultConfig()),
		leak.New(shared.Analyzer, leak.DefaultConfig()),
		softerror.New(shared.Analyzer, softerror.DefaultConfig()),
	}
	require.Equal(t, names(checks.All()), names(analyzers), "every check runs under nogo; add new checks here")
	require.NoError(t, analysis.Validate(analyzers))

	// nogo_config.json: analyzer_flags per analyzer name, also for the
	// shared analyzer the checks require.
	const config = `{
		"passthrough":   {"analyzer_flags": {"allow": "passthrough/nethttp.badForward"}},
		"upstreamfacts": {"analyzer_flags": {"deps": "example.com/kv"}}
	}`
	var configs map[string]struct {
		AnalyzerFlags map[string]string `json:"analyzer_flags"`
	}
	require.NoError(t, json.Unmarshal([]byte(config), &configs))
	setFlags := func(a *analysis.Analyzer) {
		for name, value := range configs[a.Name].AnalyzerFlags {
			require.NotNil(t, a.Flags.Lookup(name), "%s has a flag %s", a.Name, name)
			require.NoError(t, a.Flags.Set(name, value), "%s.%s", a.Name, name)
		}
	}
	for _, a := range analyzers {
		setFlags(a)
		for _, req := range a.Requires { // nogo sets flags on Requires to depth one
			setFlags(req)
		}
	}

	testdata, err := filepath.Abs("testdata")
	require.NoError(t, err)
	targets := []string{
		"passthrough/nethttp", "passthrough/crosspkg", // crosspkg needs facts of helper packages
		"leak/nethttp", "leak/deps", // deps: a dependency package configured through upstreamfacts.deps
		"leak/servererror", // the status rule; a helper of the module covered across packages, without a Module in the Pass
		"softerror/nethttp",
	}
	n := newNogo(t, testdata, targets, analyzers)
	for _, path := range n.order { // the targets and their helper packages, dependencies first, as Bazel builds them
		n.checkPackage(t, path)
	}
	require.Greater(t, len(n.order), len(targets), "helper packages are analyzed for their facts")

	// Every diagnostic of a check in its own test packages is expected by a
	// // want comment there, and every expectation is met, except in the
	// function the allow flag exempts.
	var unexpected, missing []string
	for _, path := range n.order {
		check, _, _ := strings.Cut(path, "/")
		pkg := n.pkgs[path]
		if !slices.Contains(names(analyzers), check) {
			continue // a helper package: no expectations
		}
		wants := expectations(t, n.fset, pkg.files)
		if path == "passthrough/nethttp" {
			from, to := funcLines(n.fset, pkg.files, "badForward")
			require.NotZero(t, from)
			var kept []want
			for _, w := range wants {
				if w.line < from || w.line > to {
					kept = append(kept, w)
				}
			}
			require.Less(t, len(kept), len(wants), "badForward has an expectation the allow flag removes")
			wants = kept
		}
		for _, d := range pkg.diagnostics[check] {
			posn := n.fset.Position(d.Pos)
			i := slices.IndexFunc(wants, func(w want) bool {
				return w.file == posn.Filename && w.line == posn.Line && w.re.MatchString(d.Message)
			})
			if i < 0 {
				unexpected = append(unexpected, fmt.Sprintf("%s: %s", posn, d.Message))
				continue
			}
			wants = slices.Delete(wants, i, i+1)
		}
		for _, w := range wants {
			missing = append(missing, fmt.Sprintf("%s:%d: no diagnostic matching %q", w.file, w.line, w.re))
		}
		if slices.Contains(targets, path) {
			assert.NotEmpty(t, pkg.diagnostics[check], "%s reports in %s", check, path)
		}
	}
	assert.Empty(t, unexpected, "diagnostics without a // want")
	assert.Empty(t, missing, "// want without a diagnostic")
	assert.NotZero(t, n.encodedFacts, "facts crossed package boundaries")

	// The flags went to the fresh instances only.
	assert.Equal(t, "", passthrough.Analyzer.Flags.Lookup("allow").Value.String())
	assert.Equal(t, "", analyzer.Analyzer.Flags.Lookup("deps").Value.String())
}

// nogo is the imitation of nogo's driver for a sequence of packages.
type nogo struct {
	fset      *token.FileSet
	analyzers []*analysis.Analyzer
	imported  map[string]*types.Package // dependencies, from export data
	pkgs      map[string]*nogoPackage   // packages checked so far
	facts     map[string][]byte         // the serialized facts of each checked package
	dirs      map[string]string         // package directories
	order     []string                  // the packages of the tree, dependencies first

	encodedFacts int
}

type nogoPackage struct {
	files       []*ast.File
	types       *types.Package
	diagnostics map[string][]analysis.Diagnostic // by analyzer name
}

// gobFact is how facts travel between packages: by package path and
// object path, gob-encoded, as in x/tools' facts package that nogo uses.
type gobFact struct {
	PkgPath string
	Object  objectpath.Path
	Fact    analysis.Fact
}

// newNogo loads the export data of the dependencies (what Bazel hands to
// nogo as archives) with go/packages, from a GOPATH-style tree.
func newNogo(t *testing.T, gopath string, targets []string, analyzers []*analysis.Analyzer) *nogo {
	n := &nogo{
		fset:      token.NewFileSet(),
		analyzers: analyzers,
		imported:  make(map[string]*types.Package),
		pkgs:      make(map[string]*nogoPackage),
		facts:     make(map[string][]byte),
		dirs:      make(map[string]string),
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedTypes,
		Dir:  gopath,
		Env:  append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=", "GOWORK=off"),
		Fset: n.fset,
	}
	roots, err := packages.Load(cfg, targets...)
	require.NoError(t, err)
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("loading %s: %v", p.PkgPath, e)
		}
		n.imported[p.PkgPath] = p.Types
		if len(p.GoFiles) > 0 && strings.HasPrefix(p.GoFiles[0], gopath+string(filepath.Separator)) {
			n.dirs[p.PkgPath] = filepath.Dir(p.GoFiles[0])
			n.order = append(n.order, p.PkgPath)
		}
	})
	// Register the fact types, as nogo does before decoding facts.
	for _, a := range analyzers {
		for _, req := range a.Requires {
			for _, f := range req.FactTypes {
				gob.Register(f)
			}
		}
	}
	return n
}

// importer resolves imports to checked packages first, then export data.
type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// checkPackage parses and type-checks one package, decodes the facts of
// its dependencies, runs the analyzers with their Requires in dependency
// order, and serializes the package's facts for its importers.
func (n *nogo) checkPackage(t *testing.T, path string) {
	t.Helper()
	dir, ok := n.dirs[path]
	require.True(t, ok, "package %s", path)
	matches, err := filepath.Glob(filepath.Join(dir, "*.go"))
	require.NoError(t, err)
	var files []*ast.File
	for _, name := range matches {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(n.fset, name, nil, parser.ParseComments)
		require.NoError(t, err)
		files = append(files, f)
	}

	// nogo's types.Info: no FileVersions.
	info := &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Uses:       make(map[*ast.Ident]types.Object),
		Defs:       make(map[*ast.Ident]types.Object),
		Implicits:  make(map[ast.Node]types.Object),
		Scopes:     make(map[ast.Node]*types.Scope),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
		Instances:  make(map[*ast.Ident]types.Instance),
	}
	conf := types.Config{Importer: importerFunc(func(p string) (*types.Package, error) {
		if pkg, ok := n.pkgs[p]; ok {
			return pkg.types, nil
		}
		if pkg, ok := n.imported[p]; ok && pkg != nil {
			return pkg, nil
		}
		return nil, fmt.Errorf("no export data for %s", p)
	})}
	tpkg, err := conf.Check(path, n.fset, files, info)
	require.NoError(t, err, "type-checking %s", path)
	pkg := &nogoPackage{files: files, types: tpkg, diagnostics: make(map[string][]analysis.Diagnostic)}

	facts := n.decodeFacts(t, tpkg)
	results := make(map[*analysis.Analyzer]any)
	var run func(a *analysis.Analyzer)
	run = func(a *analysis.Analyzer) {
		if _, done := results[a]; done {
			return
		}
		inputs := make(map[*analysis.Analyzer]any)
		for _, req := range a.Requires {
			run(req)
			inputs[req] = results[req]
		}
		owned := make(map[reflect.Type]bool)
		for _, f := range a.FactTypes {
			owned[reflect.TypeOf(f)] = true
		}
		mustOwn := func(f analysis.Fact) {
			if !owned[reflect.TypeOf(f)] {
				panic(fmt.Sprintf("analyzer %s uses fact type %T it does not declare", a.Name, f))
			}
		}
		pass := &analysis.Pass{
			Analyzer:   a,
			Fset:       n.fset,
			Files:      files,
			Pkg:        tpkg,
			TypesInfo:  info,
			TypesSizes: types.SizesFor("gc", "amd64"),
			ResultOf:   inputs,
			Report: func(d analysis.Diagnostic) {
				pkg.diagnostics[a.Name] = append(pkg.diagnostics[a.Name], d)
			},
			ImportObjectFact: func(obj types.Object, f analysis.Fact) bool {
				mustOwn(f)
				return copyFact(facts[factKey{obj: obj, t: reflect.TypeOf(f)}], f)
			},
			ExportObjectFact: func(obj types.Object, f analysis.Fact) {
				mustOwn(f)
				if obj.Pkg() != tpkg {
					panic(fmt.Sprintf("%s exports a fact on %v of another package", a.Name, obj))
				}
				facts[factKey{obj: obj, t: reflect.TypeOf(f)}] = f
			},
			ImportPackageFact: func(p *types.Package, f analysis.Fact) bool {
				mustOwn(f)
				return copyFact(facts[factKey{pkg: p, t: reflect.TypeOf(f)}], f)
			},
			ExportPackageFact: func(f analysis.Fact) {
				mustOwn(f)
				facts[factKey{pkg: tpkg, t: reflect.TypeOf(f)}] = f
			},
			AllObjectFacts: func() []analysis.ObjectFact {
				var out []analysis.ObjectFact
				for k, f := range facts {
					if k.obj != nil && owned[k.t] {
						out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
					}
				}
				return out
			},
			AllPackageFacts: func() []analysis.PackageFact {
				var out []analysis.PackageFact
				for k, f := range facts {
					if k.pkg != nil && owned[k.t] {
						out = append(out, analysis.PackageFact{Package: k.pkg, Fact: f})
					}
				}
				return out
			},
			// Left unset, as nogo leaves them: ReadFile, OtherFiles,
			// IgnoredFiles, Module, TypeErrors.
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("%s panicked on %s: %v\n%s", a.Name, path, r, debug.Stack())
				}
			}()
			res, err := a.Run(pass)
			require.NoError(t, err, "%s on %s", a.Name, path)
			require.Equal(t, a.ResultType, reflect.TypeOf(res), "%s: result type", a.Name)
			results[a] = res
		}()
	}
	for _, a := range n.analyzers {
		run(a)
	}
	n.encodeFacts(t, tpkg, facts)
	n.pkgs[path] = pkg
}

type factKey struct {
	obj types.Object
	pkg *types.Package
	t   reflect.Type
}

// copyFact copies a decoded fact into the caller's fact, as drivers do.
func copyFact(from, to analysis.Fact) bool {
	if from == nil {
		return false
	}
	reflect.ValueOf(to).Elem().Set(reflect.ValueOf(from).Elem())
	return true
}

// encodeFacts serializes the facts about pkg and its objects.
func (n *nogo) encodeFacts(t *testing.T, pkg *types.Package, facts map[factKey]analysis.Fact) {
	var list []gobFact
	for k, f := range facts {
		switch {
		case k.pkg == pkg:
			list = append(list, gobFact{PkgPath: pkg.Path(), Fact: f})
		case k.obj != nil && k.obj.Pkg() == pkg:
			p, err := objectpath.For(k.obj)
			if err != nil {
				continue // not addressable from other packages: x/tools drops it too
			}
			list = append(list, gobFact{PkgPath: pkg.Path(), Object: p, Fact: f})
		}
	}
	var buf bytes.Buffer
	require.NoError(t, gob.NewEncoder(&buf).Encode(list), "facts of %s are gob-encodable", pkg.Path())
	n.facts[pkg.Path()] = buf.Bytes()
	n.encodedFacts += len(list)
}

// decodeFacts reads the facts of every checked package pkg depends on,
// resolving objects in the packages as pkg sees them.
func (n *nogo) decodeFacts(t *testing.T, pkg *types.Package) map[factKey]analysis.Fact {
	facts := make(map[factKey]analysis.Fact)
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		for _, imp := range p.Imports() {
			visit(imp)
		}
		data, ok := n.facts[p.Path()]
		if !ok || p == pkg {
			return
		}
		var list []gobFact
		require.NoError(t, gob.NewDecoder(bytes.NewReader(data)).Decode(&list))
		for _, gf := range list {
			if gf.Object == "" {
				facts[factKey{pkg: p, t: reflect.TypeOf(gf.Fact)}] = gf.Fact
				continue
			}
			obj, err := objectpath.Object(p, gf.Object)
			require.NoError(t, err, "%s.%s", p.Path(), gf.Object)
			facts[factKey{obj: obj, t: reflect.TypeOf(gf.Fact)}] = gf.Fact
		}
	}
	visit(pkg)
	return facts
}

type want struct {
	file string
	line int
	re   *regexp.Regexp
}

var wantPattern = regexp.MustCompile("`[^`]*`|\"(?:[^\"\\\\]|\\\\.)*\"")

// expectations reads the // want comments of files (analysistest syntax,
// diagnostics only).
func expectations(t *testing.T, fset *token.FileSet, files []*ast.File) []want {
	var out []want
	for _, f := range files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, "// want ")
				if !ok {
					continue
				}
				posn := fset.Position(c.Pos())
				for _, lit := range wantPattern.FindAllString(rest, -1) {
					s, err := strconv.Unquote(lit)
					require.NoError(t, err, "%s: %s", posn, lit)
					out = append(out, want{file: posn.Filename, line: posn.Line, re: regexp.MustCompile(s)})
				}
			}
		}
	}
	return out
}

// funcLines returns the first and last line of the function named name.
func funcLines(fset *token.FileSet, files []*ast.File, name string) (int, int) {
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == name {
				return fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line
			}
		}
	}
	return 0, 0
}
