package shapes

import (
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// IsFmtCall reports whether the sink is a fmt printing function, which
// prints unexported fields too.
func IsFmtCall(instr ssa.CallInstruction) bool {
	fn := instr.Common().StaticCallee()
	return fn != nil && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "fmt"
}

// Serialized reports whether the part of a value at path is written by
// an encoder: no field on the way is unexported or tagged json:"-".
// The static type is taken before interface conversion.
func Serialized(pkg *types.Package, t types.Type, v ssa.Value, path string) bool {
	if path == "" {
		return true
	}
	if types.IsInterface(t) {
		// What the interface can hold: written if one of them writes it.
		// A label inside a field was put there by a value that has the
		// field: where some origins are unknown (err.(RestErr) returned
		// as it is), the types found that have it decide.
		ts, complete := ConcreteTypes(v)
		step, _, _ := strings.Cut(path, "/")
		has := false
		for _, ct := range ts {
			if types.IsInterface(ct) {
				continue
			}
			if !complete && !hasField(ct, step) {
				continue
			}
			has = true
			if serializedPath(ct, path) {
				return true
			}
		}
		if !has && !complete {
			// The value comes from a function of another package: the
			// structs of this package and its imports that declare the
			// field decide (RestError's ErrCauses is json:"-").
			return fieldSerialized(pkg, step)
		}
		return !has
	}
	return serializedPath(t, path)
}

// encodedField reports whether an encoder writes field i of st: it is
// exported and not tagged json:"-".
func encodedField(st *types.Struct, i int) bool {
	tag, _ := reflect.StructTag(st.Tag(i)).Lookup("json")
	return st.Field(i).Exported() && tag != "-"
}

// fieldSerialized reports whether a field of that name can be written by
// an encoder: true unless the package or the packages it imports declare
// it, on named structs, only unexported or tagged json:"-".
func fieldSerialized(pkg *types.Package, name string) bool {
	if pkg == nil || name == "" || name == "[]" || strings.HasPrefix(name, "#") {
		return true
	}
	found := false
	scopes := append([]*types.Package{pkg}, pkg.Imports()...)
	for _, p := range scopes {
		sc := p.Scope()
		for _, n := range sc.Names() {
			tn, ok := sc.Lookup(n).(*types.TypeName)
			if !ok {
				continue
			}
			st, ok := tn.Type().Underlying().(*types.Struct)
			if !ok {
				continue
			}
			for i := 0; i < st.NumFields(); i++ {
				f := st.Field(i)
				if f.Name() != name {
					continue
				}
				found = true
				if encodedField(st, i) {
					return true
				}
			}
		}
	}
	return !found
}

// hasField reports whether t (or what it points to) is a struct with a
// field of that name.
func hasField(t types.Type, name string) bool {
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == name {
			return true
		}
	}
	return false
}

func serializedPath(t types.Type, path string) bool {
	for path != "" {
		var step string
		step, path, _ = strings.Cut(path, "/")
		if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		switch u := t.Underlying().(type) {
		case *types.Struct:
			found := false
			for i := 0; i < u.NumFields(); i++ {
				f := u.Field(i)
				if f.Name() != step {
					continue
				}
				if !encodedField(u, i) {
					return false
				}
				t, found = f.Type(), true
				break
			}
			if !found {
				return true
			}
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		default:
			return true // an interface or unknown: assume it is written
		}
	}
	return true
}
