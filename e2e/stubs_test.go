package e2e

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/packages"
)

// The stubs in testdata/src that stand for third-party packages. Each
// may omit declarations, but every declaration it has must match the
// real package's, which frameworks/go.mod pins.
var stubbed = []string{
	"github.com/gin-gonic/gin",
	"github.com/labstack/echo/v4",
	"github.com/labstack/echo/v5",
	"github.com/gofiber/fiber/v2",
	"github.com/gofiber/fiber/v3",
	"github.com/gofiber/fiber/v3/client",
	"github.com/valyala/fasthttp",
	"github.com/go-chi/render",
	"github.com/emicklei/go-restful/v3",
	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime",
	"github.com/go-kratos/kratos/v2/errors",
	"github.com/kataras/iris/v12",
	"github.com/beego/beego/v2/server/web",
	"github.com/beego/beego/v2/server/web/context",
	"github.com/kataras/iris/v12/context",
	"github.com/kataras/iris/v12/core/router",
	"github.com/go-kratos/kratos/v2/transport/http",
	"github.com/zeromicro/go-zero/rest",
	"github.com/zeromicro/go-zero/rest/httpx",
	"connectrpc.com/connect",
	"github.com/cloudwego/hertz/pkg/app",
	"github.com/cloudwego/hertz/pkg/app/client",
	"github.com/cloudwego/hertz/pkg/common/config",
	"github.com/cloudwego/hertz/pkg/protocol",
	"google.golang.org/grpc",
	"google.golang.org/grpc/codes",
	"google.golang.org/grpc/status",
	"google.golang.org/grpc/internal/status",
	"google.golang.org/grpc/metadata",
	"gorm.io/gorm",
	"github.com/jmoiron/sqlx",
	"github.com/redis/go-redis/v9",
	"github.com/redis/go-redis/v9/internal/proto",
	"go.mongodb.org/mongo-driver/mongo",
	"go.mongodb.org/mongo-driver/mongo/options",
	"github.com/go-resty/resty/v2",
	"resty.dev/v3",
	"github.com/imroc/req/v3",
	"github.com/bogdanfinn/fhttp",
	"github.com/bogdanfinn/tls-client",
	"github.com/gojek/heimdall/v7",
	"github.com/gojek/heimdall/v7/httpclient",
	"github.com/gojek/valkyrie",
	"github.com/go-openapi/runtime",
	"github.com/go-openapi/runtime/middleware",
}

// TestStubsMatchRealPackages compares every exported declaration of the
// stubs with the real packages: kinds (alias or defined type, struct or
// interface), exported fields, methods with their receiver kinds,
// signatures (parameter names aside), constant values.
func TestStubsMatchRealPackages(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the real frameworks: skipped in -short mode")
	}
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	mode := packages.NeedName | packages.NeedTypes | packages.NeedImports | packages.NeedDeps

	stubs, err := packages.Load(&packages.Config{
		Mode: mode,
		Dir:  filepath.Join(root, "testdata"),
		Env:  append(os.Environ(), "GOPATH="+filepath.Join(root, "testdata"), "GO111MODULE=off", "GOFLAGS=", "GOWORK=off"),
	}, stubbed...)
	require.NoError(t, err)
	real, err := packages.Load(&packages.Config{
		Mode: mode,
		Dir:  filepath.Join(root, "e2e", "frameworks"),
		Env:  append(os.Environ(), "GOFLAGS=-mod=readonly", "GOWORK=off"),
	}, stubbed...)
	require.NoError(t, err)

	byPath := func(pkgs []*packages.Package) map[string]*types.Package {
		m := make(map[string]*types.Package)
		for _, p := range pkgs {
			for _, e := range p.Errors {
				t.Errorf("%s: %v", p.PkgPath, e)
			}
			m[p.PkgPath] = p.Types
		}
		return m
	}
	stubPkgs, realPkgs := byPath(stubs), byPath(real)
	for _, path := range stubbed {
		s, r := stubPkgs[path], realPkgs[path]
		if s == nil || r == nil {
			t.Errorf("%s: not loaded (stub %v, real %v)", path, s != nil, r != nil)
			continue
		}
		for _, problem := range compareScopes(s, r) {
			t.Errorf("%s: %s", path, problem)
		}
	}
}

// compareScopes lists the exported declarations of stub that the real
// package lacks or declares differently.
func compareScopes(stub, real *types.Package) []string {
	var out []string
	names := stub.Scope().Names()
	sort.Strings(names)
	for _, name := range names {
		so := stub.Scope().Lookup(name)
		if !so.Exported() {
			continue
		}
		ro := real.Scope().Lookup(name)
		if ro == nil {
			out = append(out, name+": not in the real package")
			continue
		}
		out = append(out, compareObjects(name, so, ro)...)
	}
	return out
}

func compareObjects(name string, so, ro types.Object) []string {
	if fmt.Sprintf("%T", so) != fmt.Sprintf("%T", ro) {
		return []string{fmt.Sprintf("%s: %T in the stub, %T in the real package", name, so, ro)}
	}
	switch so := so.(type) {
	case *types.Func:
		return differ(name, sigString(so.Signature()), sigString(ro.(*types.Func).Signature()))
	case *types.Var:
		return differ(name, typeString(so.Type()), typeString(ro.Type()))
	case *types.Const:
		rc := ro.(*types.Const)
		out := differ(name, typeString(so.Type()), typeString(rc.Type()))
		if !constant.Compare(so.Val(), token.EQL, rc.Val()) {
			out = append(out, fmt.Sprintf("%s: value %s in the stub, %s in the real package", name, so.Val(), rc.Val()))
		}
		return out
	case *types.TypeName:
		return compareTypeNames(name, so, ro.(*types.TypeName))
	}
	return nil
}

func compareTypeNames(name string, so, ro *types.TypeName) []string {
	if so.IsAlias() != ro.IsAlias() {
		return []string{fmt.Sprintf("%s: alias %v in the stub, %v in the real package", name, so.IsAlias(), ro.IsAlias())}
	}
	if so.IsAlias() {
		return differ(name, typeString(types.Unalias(so.Type())), typeString(types.Unalias(ro.Type())))
	}
	sn, rn := so.Type().(*types.Named), ro.Type().(*types.Named)
	var out []string
	switch su := sn.Underlying().(type) {
	case *types.Struct:
		ru, ok := rn.Underlying().(*types.Struct)
		if !ok {
			return []string{fmt.Sprintf("%s: a struct in the stub, %s in the real package", name, typeString(rn.Underlying()))}
		}
		fields := make(map[string]*types.Var)
		for i := range ru.NumFields() {
			fields[ru.Field(i).Name()] = ru.Field(i)
		}
		for i := range su.NumFields() {
			f := su.Field(i)
			if !f.Exported() {
				continue
			}
			rf := fields[f.Name()]
			if rf == nil {
				out = append(out, fmt.Sprintf("%s.%s: no such field in the real package", name, f.Name()))
				continue
			}
			if f.Embedded() != rf.Embedded() {
				out = append(out, fmt.Sprintf("%s.%s: embedded %v in the stub, %v in the real package", name, f.Name(), f.Embedded(), rf.Embedded()))
			}
			out = append(out, differ(name+"."+f.Name(), typeString(f.Type()), typeString(rf.Type()))...)
		}
	case *types.Interface:
		ru, ok := rn.Underlying().(*types.Interface)
		if !ok {
			return []string{fmt.Sprintf("%s: an interface in the stub, %s in the real package", name, typeString(rn.Underlying()))}
		}
		methods := make(map[string]*types.Func)
		for i := range ru.NumMethods() {
			methods[ru.Method(i).Name()] = ru.Method(i)
		}
		for i := range su.NumMethods() {
			m := su.Method(i)
			rm := methods[m.Name()]
			if rm == nil {
				out = append(out, fmt.Sprintf("%s.%s: no such method in the real interface", name, m.Name()))
				continue
			}
			out = append(out, differ(name+"."+m.Name(), sigString(m.Signature()), sigString(rm.Signature()))...)
		}
	default:
		out = append(out, differ(name, typeString(su), typeString(rn.Underlying()))...)
	}
	// Declared methods, with their receiver kinds.
	realMethods := make(map[string]*types.Func)
	for i := range rn.NumMethods() {
		realMethods[rn.Method(i).Name()] = rn.Method(i)
	}
	for i := range sn.NumMethods() {
		m := sn.Method(i)
		if !m.Exported() {
			continue
		}
		rm := realMethods[m.Name()]
		if rm == nil {
			out = append(out, fmt.Sprintf("%s.%s: no such method in the real package", name, m.Name()))
			continue
		}
		sp, rp := isPointerRecv(m), isPointerRecv(rm)
		if sp != rp {
			out = append(out, fmt.Sprintf("%s.%s: pointer receiver %v in the stub, %v in the real package", name, m.Name(), sp, rp))
		}
		out = append(out, differ(name+"."+m.Name(), sigString(m.Signature()), sigString(rm.Signature()))...)
	}
	return out
}

func isPointerRecv(m *types.Func) bool {
	_, ok := m.Signature().Recv().Type().(*types.Pointer)
	return ok
}

func differ(what, stub, real string) []string {
	if stub == real {
		return nil
	}
	return []string{fmt.Sprintf("%s: %s in the stub, %s in the real package", what, stub, real)}
}

// typeString spells a type with full package paths, any for interface{}.
func typeString(t types.Type) string {
	return strings.ReplaceAll(types.TypeString(t, nil), "interface{}", "any")
}

// SigString spells a signature without parameter names and receiver.
func sigString(sig *types.Signature) string {
	tuple := func(tu *types.Tuple, variadic bool) string {
		var parts []string
		for i := range tu.Len() {
			s := typeString(tu.At(i).Type())
			if variadic && i == tu.Len()-1 {
				s = "..." + strings.TrimPrefix(s, "[]")
			}
			parts = append(parts, s)
		}
		return "(" + strings.Join(parts, ", ") + ")"
	}
	return "func" + tuple(sig.Params(), sig.Variadic()) + " " + tuple(sig.Results(), false)
}

// testdata/src/example.com/pb, the generated-style service package of the
// gRPC cases, is a copy of frameworks/pb, which builds against the real
// grpc-go.
func TestGeneratedPackageIsTheRealOnesCopy(t *testing.T) {
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	stubDir := filepath.Join(root, "testdata", "src", "example.com", "pb")
	realDir := filepath.Join(root, "e2e", "frameworks", "pb")
	files := func(dir string) map[string]string {
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		m := make(map[string]string)
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			require.NoError(t, err)
			m[e.Name()] = string(b)
		}
		return m
	}
	require.Equal(t, files(realDir), files(stubDir))
}
