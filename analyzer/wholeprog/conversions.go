package wholeprog

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
)

// Conversions returns what a package's syntax contributes to the
// whole-program join: the concrete named types (or pointers to them) it
// converts to an interface, implicitly or not, and the functions it
// stores into func-typed fields of named structs (by DynKey).
//
// It reads types only, no SSA: a wiring package (main, an app package)
// that the engine skips for holding no source or sink still declares
// which repository implements which interface.
func Conversions(files []*ast.File, info *types.Info) ([]types.Type, map[string][]StoredFunc) {
	c := &convCollector{info: info, seen: make(map[types.Type]bool), stored: make(map[string][]StoredFunc)}
	for _, f := range files {
		c.file(f)
	}
	return c.types, c.stored
}

type convCollector struct {
	info    *types.Info
	seen    map[types.Type]bool
	origins map[origin]bool // the generic types recorded by their declaration
	types   []types.Type
	stored  map[string][]StoredFunc
}

func (c *convCollector) file(f *ast.File) {
	var sigs []*types.Signature // enclosing functions, for returns
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if obj, ok := c.info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				sigs = append(sigs, obj.Signature())
				ast.Inspect(n.Body, visit)
				sigs = sigs[:len(sigs)-1]
			}
			return false
		case *ast.FuncLit:
			if sig, ok := c.info.TypeOf(n).(*types.Signature); ok {
				sigs = append(sigs, sig)
				ast.Inspect(n.Body, visit)
				sigs = sigs[:len(sigs)-1]
			}
			return false
		case *ast.CallExpr:
			c.call(n)
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					c.to(c.info.TypeOf(l), n.Rhs[i])
					c.fieldStore(l, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					if obj := c.info.Defs[id]; obj != nil {
						c.to(obj.Type(), n.Values[i])
					}
				}
			}
		case *ast.ReturnStmt:
			if len(sigs) > 0 {
				res := sigs[len(sigs)-1].Results()
				if res.Len() == len(n.Results) {
					for i, r := range n.Results {
						c.to(res.At(i).Type(), r)
					}
				}
			}
		case *ast.CompositeLit:
			c.composite(n)
		case *ast.SendStmt:
			if ch, ok := shapes.TypeUnder(c.info.TypeOf(n.Chan)).(*types.Chan); ok {
				c.to(ch.Elem(), n.Value)
			}
		}
		return true
	}
	ast.Inspect(f, visit)
}

// to records the conversion of e to type t, when t is an interface and
// e's type is not.
func (c *convCollector) to(t types.Type, e ast.Expr) {
	if t == nil || e == nil || !types.IsInterface(t) {
		return
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return
	}
	src := c.info.TypeOf(e)
	if src == nil || types.IsInterface(src) {
		return
	}
	c.add(src)
}

// An origin is a generic type's declaration, or a pointer to it.
type origin struct {
	named *types.Named
	ptr   bool
}

func (c *convCollector) add(t types.Type) {
	base := t
	ptr := false
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		base, ptr = p.Elem(), true
	}
	named, ok := types.Unalias(base).(*types.Named)
	if !ok {
		return
	}
	if named.TypeArgs().Len() > 0 {
		// An instance of a generic type (cache[T] in New[T], cache[string])
		// is recorded as its declaration, whose methods the join matches to
		// a generic interface's declared methods (engine.dynSite).
		key := origin{named.Origin(), ptr}
		if c.origins[key] {
			return
		}
		if c.origins == nil {
			c.origins = make(map[origin]bool)
		}
		c.origins[key] = true
		t = named.Origin()
		if ptr {
			t = types.NewPointer(t)
		}
	}
	if c.seen[t] {
		return
	}
	c.seen[t] = true
	c.types = append(c.types, t)
}

func (c *convCollector) call(call *ast.CallExpr) {
	tv, ok := c.info.Types[call.Fun]
	if !ok {
		return
	}
	if tv.IsType() { // a conversion T(x)
		if len(call.Args) == 1 {
			c.to(tv.Type, call.Args[0])
		}
		return
	}
	sig, ok := shapes.TypeUnder(tv.Type).(*types.Signature)
	if !ok {
		return
	}
	params := sig.Params()
	for i, a := range call.Args {
		var t types.Type
		switch {
		case sig.Variadic() && i >= params.Len()-1 && call.Ellipsis == token.NoPos:
			if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok {
				t = s.Elem()
			}
		case i < params.Len():
			t = params.At(i).Type()
		}
		c.to(t, a)
	}
}

func (c *convCollector) composite(lit *ast.CompositeLit) {
	t := c.info.TypeOf(lit)
	if t == nil {
		return
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		named, _ := types.Unalias(t).(*types.Named)
		for i, el := range lit.Elts {
			var f *types.Var
			val := el
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				id, ok := kv.Key.(*ast.Ident)
				if !ok {
					continue
				}
				f, _ = c.info.Uses[id].(*types.Var)
				val = kv.Value
			} else if i < u.NumFields() {
				f = u.Field(i)
			}
			if f == nil {
				continue
			}
			c.to(f.Type(), val)
			if named != nil {
				c.storeFunc(named, f, val)
			}
		}
	case *types.Slice, *types.Array:
		var elem types.Type
		if s, ok := u.(*types.Slice); ok {
			elem = s.Elem()
		} else {
			elem = u.(*types.Array).Elem()
		}
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			c.to(elem, el)
		}
	case *types.Map:
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				c.to(u.Key(), kv.Key)
				c.to(u.Elem(), kv.Value)
			}
		}
	}
}

// fieldStore records x.f = fn for a func-typed field f.
func (c *convCollector) fieldStore(lhs, rhs ast.Expr) {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return
	}
	s, ok := c.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return
	}
	f, ok := s.Obj().(*types.Var)
	if !ok {
		return
	}
	recv := s.Recv()
	if p, ok := types.Unalias(recv).(*types.Pointer); ok {
		recv = p.Elem()
	}
	// a promoted field belongs to the embedded struct that declares it
	if len(s.Index()) > 1 {
		return
	}
	if named, ok := types.Unalias(recv).(*types.Named); ok {
		c.storeFunc(named, f, rhs)
	}
}

// storeFunc records a named function or a method value stored into a
// func-typed field of a named struct.
func (c *convCollector) storeFunc(strct *types.Named, f *types.Var, val ast.Expr) {
	if _, ok := f.Type().Underlying().(*types.Signature); !ok || strct.Obj().Pkg() == nil {
		return
	}
	var sf StoredFunc
	switch v := ast.Unparen(val).(type) {
	case *ast.Ident:
		fn, ok := c.info.Uses[v].(*types.Func)
		if !ok {
			return
		}
		sf = StoredFunc{Fn: fn}
	case *ast.SelectorExpr:
		if s, ok := c.info.Selections[v]; ok {
			fn, ok := s.Obj().(*types.Func)
			if !ok {
				return
			}
			switch s.Kind() {
			case types.MethodVal:
				sf = StoredFunc{Fn: fn, Bound: true}
			case types.MethodExpr:
				sf = StoredFunc{Fn: fn}
			default:
				return
			}
		} else if fn, ok := c.info.Uses[v.Sel].(*types.Func); ok { // pkg.Func
			sf = StoredFunc{Fn: fn}
		} else {
			return
		}
	default:
		return
	}
	key := DynKeyField(strct, f.Name())
	for _, x := range c.stored[key] {
		if x == sf {
			return
		}
	}
	c.stored[key] = append(c.stored[key], sf)
}
