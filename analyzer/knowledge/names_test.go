package knowledge

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestNoFrameworkOutsideTables holds the engine and the checks to the
// rule that knowledge is data: no string literal of their non-test files
// names a package the tables know (a framework, a client library),
// whether as an import path or inside a key ("(*github.com/…/gin.Context).
// Status"). What such code needs to know is a row of the framework's file
// here. The packages come from the tables themselves; the standard
// library's may be named.
func TestNoFrameworkOutsideTables(t *testing.T) {
	paths := tablePaths()
	if len(paths) < 20 {
		t.Fatalf("the tables name only %d non-standard packages: %v", len(paths), paths)
	}
	root := filepath.Join("..", "..")
	dirs := []string{"analyzer", "passthrough", "leak", "softerror"}
	files := 0
	for _, dir := range dirs {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				switch {
				case path == filepath.Join(root, "analyzer", "knowledge"), d.Name() == "testdata",
					path != filepath.Join(root, dir) && !descends(dir):
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			files++
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Errorf("%s: %v", fset.Position(lit.Pos()), err)
					return true
				}
				for _, p := range paths {
					if names(s, p) {
						t.Errorf("%s: %s names %s, a package of the knowledge tables: make it a row of its file in analyzer/knowledge", fset.Position(lit.Pos()), lit.Value, p)
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if files < 20 {
		t.Fatalf("only %d files checked: are the directories %v still there?", files, dirs)
	}
}

// descends reports whether the walk of dir enters its subdirectories:
// analyzer's subpackages are the engine's too.
func descends(dir string) bool { return dir == "analyzer" }

// TestNamesMatch checks the matcher the test above relies on.
func TestNamesMatch(t *testing.T) {
	for _, c := range []struct {
		s, path string
		want    bool
	}{
		{"github.com/gin-gonic/gin", "github.com/gin-gonic/gin", true},
		{"github.com/gin-gonic/gin.Mode", "github.com/gin-gonic/gin", true},
		{"(*github.com/gin-gonic/gin.Context).Status", "github.com/gin-gonic/gin", true},
		{"google.golang.org/grpc/status.Error", "google.golang.org/grpc", true},
		{"github.com/gin-gonic/ginx", "github.com/gin-gonic/gin", false},
		{"xgithub.com/gin-gonic/gin", "github.com/gin-gonic/gin", false},
		{"net/http", "github.com/gin-gonic/gin", false},
	} {
		if got := names(c.s, c.path); got != c.want {
			t.Errorf("names(%q, %q) = %v, want %v", c.s, c.path, got, c.want)
		}
	}
	paths := tablePaths()
	for _, p := range []string{ginPkg, fiberPkg, grpcStatus, connectPkg, chi, "gorm.io/gorm"} {
		if !slices.Contains(paths, p) {
			t.Errorf("tablePaths() lacks %s", p)
		}
	}
	if slices.Contains(paths, "net/http") || slices.Contains(paths, "fmt") {
		t.Errorf("tablePaths() holds standard library packages: %v", paths)
	}
}

// names reports whether s names the package path: path occurs in s, not
// inside a longer path element on either side.
func names(s, path string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], path)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(path)
		if (start == 0 || !pathChar(s[start-1])) && (end == len(s) || !pathChar(s[end]) || s[end] == '.' || s[end] == '/') {
			return true
		}
		i = start + 1
	}
}

func pathChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-_.~/", c) >= 0
}

// tablePaths returns the packages outside the standard library that the
// tables name: in keys and types, and in their lists of packages.
func tablePaths() []string {
	set := make(map[string]bool)
	add := func(path string) {
		if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
			set[path] = true
		}
	}
	// a key or a type: "path.F", "(*path.T).M", "(path.T).M", "path.T"
	addKey := func(k string) {
		if strings.HasPrefix(k, "(") {
			k = strings.TrimPrefix(strings.TrimPrefix(k, "("), "*")
			k, _, _ = strings.Cut(k, ")")
		}
		if i := strings.LastIndexByte(k, '.'); i > strings.LastIndexByte(k, '/') {
			add(k[:i])
		}
	}
	for _, k := range Keys() {
		addKey(k)
	}
	for _, k := range Types() {
		addKey(k)
	}
	for _, m := range []map[string]bool{TriggerImports, ErrorPackages, ErrorBuilders, RPCRuntimes} {
		for p := range m {
			add(p)
		}
	}
	for _, m := range []map[string]bool{HandlerContexts, CallOptions} {
		for k := range m {
			addKey(k)
		}
	}
	for k := range ClientInputMethodPrefixes {
		addKey(k)
	}
	for k := range ContextStatus {
		add(k)
	}
	for _, l := range [][]string{DependencyLibraries.List, ClientInputPackages.List, {CodeFixPkgs.Status, CodeFixPkgs.Codes}} {
		for _, p := range l {
			add(p)
		}
	}
	for _, f := range ErrorFrameworks {
		for _, p := range []string{f.Handler.Pkg, f.InstallType[0], f.ErrorType[0]} {
			add(p)
		}
	}
	for _, m := range ErrorMiddlewares {
		add(m.Ctx.Pkg)
	}
	for _, c := range handlerCtxs {
		add(c.Pkg)
	}
	for t := range ClientWriterTypes {
		add(t[0])
	}
	return slices.Sorted(maps.Keys(set))
}

func TestPackageOfFullName(t *testing.T) {
	for name, want := range map[string]string{
		"example.com/m/store.Get":            "example.com/m/store",
		"(*example.com/m/store.DB).Get":      "example.com/m/store",
		"(example.com/m/store.List[T]).Len":  "example.com/m/store",
		"(*gopkg.in/yaml.v3.Decoder).Decode": "gopkg.in/yaml.v3",
		"gopkg.in/yaml.v3.Marshal":           "gopkg.in/yaml.v3",
		"main.run":                           "main",
		"noDot":                              "",
	} {
		if got := PackageOfFullName(name); got != want {
			t.Errorf("PackageOfFullName(%q) = %q, want %q", name, got, want)
		}
	}
}
