package e2e

import (
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/packages"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
)

// unpinned are the packages of knowledge rows that frameworks/go.mod
// does not require: their rows cannot be checked here. Adding a row for
// a package means adding its module to frameworks/go.mod, or the package
// here with the reason.
var unpinned = []string{}

// TestKnowledgeKeysExist holds every key of the knowledge tables against
// the real packages (standard library, and the versions frameworks/go.mod
// pins): each function or method key must name a function whose full
// name is the key, as the analysis computes it from a callee, and each
// type must exist. A typo, a method of a type that does not declare it
// (promoted from an embedded type, whose full name differs), or an API
// that moved would otherwise match nothing, silently.
func TestKnowledgeKeysExist(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the real frameworks: skipped in -short mode")
	}
	type key struct {
		full      string // the key
		pkg, name string // package path; function, or Type.Method
	}
	var keys []key
	for _, k := range knowledge.Keys() {
		if k == "(error).Error" {
			continue // the universe's: nothing to check
		}
		pkg, name, ok := splitKey(k)
		require.True(t, ok, "malformed key %q", k)
		keys = append(keys, key{k, pkg, name})
	}
	for _, k := range knowledge.Variables() {
		dot := strings.LastIndexByte(k, '.')
		require.Greater(t, dot, strings.LastIndexByte(k, '/'), "malformed variable %q", k)
		keys = append(keys, key{k, k[:dot], "var " + k[dot+1:]})
	}
	for _, k := range knowledge.Types() {
		dot := strings.LastIndexByte(k, '.')
		require.Greater(t, dot, strings.LastIndexByte(k, '/'), "malformed type %q", k)
		keys = append(keys, key{k, k[:dot], "type " + k[dot+1:]})
	}
	var paths []string
	for _, k := range keys {
		if !slices.Contains(paths, k.pkg) && !slices.Contains(unpinned, k.pkg) {
			paths = append(paths, k.pkg)
		}
	}
	root, err := filepath.Abs(filepath.Join("frameworks"))
	require.NoError(t, err)
	pkgs, err := packages.Load(&packages.Config{
		Mode: packages.NeedName | packages.NeedTypes,
		Dir:  root,
		Env:  append(os.Environ(), "GOFLAGS=-mod=readonly", "GOWORK=off"),
	}, paths...)
	require.NoError(t, err)
	byPath := make(map[string]*packages.Package)
	for _, p := range pkgs {
		byPath[p.PkgPath] = p
	}
	checked := 0
	for _, k := range keys {
		if slices.Contains(unpinned, k.pkg) {
			continue
		}
		p := byPath[k.pkg]
		if p == nil || len(p.Errors) > 0 || p.Types == nil {
			t.Errorf("%s: package %s does not load from frameworks/go.mod (add its module there, or the package to unpinned): %v", k.full, k.pkg, p)
			continue
		}
		checked++
		if vn, ok := strings.CutPrefix(k.name, "var "); ok {
			if _, ok := p.Types.Scope().Lookup(vn).(*types.Var); !ok {
				t.Errorf("%s: no variable %s in %s", k.full, vn, k.pkg)
			}
			continue
		}
		if tn, ok := strings.CutPrefix(k.name, "type "); ok {
			if _, ok := p.Types.Scope().Lookup(tn).(*types.TypeName); !ok {
				t.Errorf("%s: no type %s in %s", k.full, tn, k.pkg)
			}
			continue
		}
		if v, ok := p.Types.Scope().Lookup(k.name).(*types.Var); ok {
			// a package-level variable holding a function
			// (render.Respond): calls through it are the row's
			if _, ok := v.Type().Underlying().(*types.Signature); !ok {
				t.Errorf("%s: %s is a variable of type %s, not a function", k.full, k.name, v.Type())
			}
			continue
		}
		fn := lookupFunc(p.Types, k.name)
		if fn == nil {
			t.Errorf("%s: no function %s in %s", k.full, k.name, k.pkg)
			continue
		}
		assert.Equal(t, k.full, fn.Origin().FullName(), "the key matches the callee's full name")
	}
	t.Logf("%d keys and types checked against the real packages", checked)
	assert.Greater(t, checked, 300, "the tables' keys are checked")
}

// splitKey splits "path.Func", "(path.T).M" or "(*path.T).M" into the
// package path and "Func" or "T.M".
func splitKey(k string) (pkg, name string, ok bool) {
	if rest, found := strings.CutPrefix(k, "("); found {
		recv, method, found := strings.Cut(rest, ").")
		if !found {
			return "", "", false
		}
		recv = strings.TrimPrefix(recv, "*")
		recv, _, _ = strings.Cut(recv, "[") // a generic type's parameters
		dot := strings.LastIndexByte(recv, '.')
		if dot < 0 {
			return "", "", false
		}
		return recv[:dot], recv[dot+1:] + "." + method, true
	}
	dot := strings.LastIndexByte(k, '.')
	if dot <= strings.LastIndexByte(k, '/') {
		return "", "", false
	}
	return k[:dot], k[dot+1:], true
}

// lookupFunc finds the function "Func" or the method "T.M" (declared on
// T or *T, or an interface method of T) in pkg, or nil.
func lookupFunc(pkg *types.Package, name string) *types.Func {
	typ, method, isMethod := strings.Cut(name, ".")
	if !isMethod {
		fn, _ := pkg.Scope().Lookup(name).(*types.Func)
		return fn
	}
	tn, _ := pkg.Scope().Lookup(typ).(*types.TypeName)
	if tn == nil {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, pkg, method)
	if types.IsInterface(tn.Type()) {
		obj, _, _ = types.LookupFieldOrMethod(tn.Type(), true, pkg, method)
	}
	fn, _ := obj.(*types.Func)
	return fn
}
