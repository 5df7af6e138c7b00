package analyzer_test

import (
	"errors"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"

	"github.com/upstreamlint/upstreamlint/analyzer"
)

// typeCheck returns the types of a package of one file.
func typeCheck(t *testing.T, path, src string) *types.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	require.NoError(t, err)
	pkg, err := (&types.Config{Importer: importer.Default()}).Check(path, fset, []*ast.File{f}, nil)
	require.NoError(t, err)
	return pkg
}

// TestFuncSettingCheck: a function setting resolves only to an
// importable package's function with the signature wanted; the error
// names the setting and its value, says why, and shows the signature
// found and the one wanted.
func TestFuncSettingCheck(t *testing.T) {
	httperr := typeCheck(t, "example.com/svc/httperr", `package httperr

import "errors"

func FromUpstream(code int) int { return code }
func Describe(code int, msg string) string { return msg }
func Generic[T ~int](code T) T { return code }
func Variadic(codes ...int) int { return 0 }
func Public(err error) string { return "" }
func private(code int) int { return code }

type Status = int

func Aliased(code Status) Status { return code }

var Mapper = FromUpstream

const Code = 502

type Mapping struct{}

var _ = errors.New
`)
	program := typeCheck(t, "example.com/svc/cmd/server", "package main\n\nfunc Map(code int) int { return code }\n\nfunc main() {}\n")
	want := analyzer.Signature{Params: []string{"int"}, Results: []string{"int"}}
	assert.Equal(t, "func(int) int", want.String())
	assert.Equal(t, "func(codes.Code) codes.Code", analyzer.Signature{Params: []string{"google.golang.org/grpc/codes.Code"}, Results: []string{"google.golang.org/grpc/codes.Code"}}.String())

	for _, tc := range []struct {
		pkg  *types.Package
		name string
		want string // the error; "" for none
	}{
		{httperr, "FromUpstream", ""},
		{httperr, "Aliased", ""}, // an alias is its type
		{httperr, "FromUpstrem", "-passthrough.mapper=example.com/svc/httperr.FromUpstrem: package example.com/svc/httperr has no function FromUpstrem (did you mean FromUpstream?)"},
		{httperr, "Nothing", "-passthrough.mapper=example.com/svc/httperr.Nothing: package example.com/svc/httperr has no function Nothing"},
		{httperr, "Describe", "-passthrough.mapper=example.com/svc/httperr.Describe: httperr.Describe is func(code int, msg string) string; want func(int) int"},
		{httperr, "Public", "-passthrough.mapper=example.com/svc/httperr.Public: httperr.Public is func(err error) string; want func(int) int"},
		{httperr, "Generic", "httperr.Generic is func[T ~int](code T) T; want func(int) int"},
		{httperr, "Variadic", "httperr.Variadic is func(codes ...int) int; want func(int) int"},
		{httperr, "Mapper", "httperr.Mapper is a variable, not a function"},
		{httperr, "Code", "httperr.Code is a constant, not a function"},
		{httperr, "Mapping", "httperr.Mapping is a type, not a function"},
		{program, "Map", "-passthrough.mapper=example.com/svc/cmd/server.Map: example.com/svc/cmd/server is a program (package main), which cannot be imported"},
	} {
		q := &analyzer.QualifiedFunc{}
		require.NoError(t, q.Set(tc.pkg.Path()+"."+tc.name))
		s := &analyzer.FuncSetting{Name: "passthrough.mapper", Func: q, Want: want}
		err := s.Check(tc.pkg)
		if tc.want == "" {
			assert.NoError(t, err, tc.name)
			continue
		}
		var setting *analyzer.SettingError
		if assert.True(t, errors.As(err, &setting), "%s: %v", tc.name, err) {
			assert.Equal(t, "passthrough.mapper", setting.Setting)
			assert.Equal(t, q.String(), setting.Value)
			assert.Contains(t, err.Error(), tc.want)
		}
	}
}

// TestFuncSettings: the function settings of analyzers are found by
// their flag values, those set only.
func TestFuncSettings(t *testing.T) {
	a := &analysis.Analyzer{Name: "check"}
	var set, unset analyzer.QualifiedFunc
	s := analyzer.FuncVar(a, &set, "mapper", analyzer.Signature{Params: []string{"int"}, Results: []string{"int"}}, "")
	analyzer.FuncVar(a, &unset, "other", analyzer.Signature{}, "")
	assert.Empty(t, analyzer.FuncSettings([]*analysis.Analyzer{a}))
	require.NoError(t, a.Flags.Set("mapper", "example.com/m.Map"))
	assert.Equal(t, []*analyzer.FuncSetting{s}, analyzer.FuncSettings([]*analysis.Analyzer{a}))
	assert.Equal(t, "check.mapper", s.Name)
	assert.Equal(t, analyzer.QualifiedFunc{Path: "example.com/m", Name: "Map"}, set)
}
