package engine

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
)

// Strict servers (knowledge.StrictServers). The module implements the
// generated StrictServerInterface with a type of its own and hands it to
// the generated NewStrictHandler; the generated wrapper gives the errors
// the type's methods return to the options' ResponseErrorHandlerFunc.
// Where the module constructs the server, the handler answering that
// type's errors is an installed error handler, framework
// knowledge.StrictFramework(type), joined over the program like echo's
// and fiber's: the package declaring the methods may not be the one
// wiring them. The handler is the function the module puts in the
// options, or the generated default: its code where it is at hand (the
// generated package is this one), else the row's Default.

// strictInstall describes the error handler of the strict server a call
// constructs (InstalledHandlers meets every call of the package), one
// per implementation type and handler; ok is false for other calls.
func (e *Engine) strictInstall(call *ssa.Call) (h knowledge.InstalledHandler, ok bool) {
	callee := call.Call.StaticCallee()
	if callee == nil || callee.Parent() != nil || len(call.Call.Args) == 0 {
		return h, false
	}
	row := strictRow(callee)
	if row == nil {
		return h, false
	}
	typ := implType(call.Call.Args[0])
	if typ == "" {
		return h, false
	}
	if h, ok = e.strictHandler(row, callee, call.Call.Args); !ok {
		return h, false // options the package does not build here: not known
	}
	h.Framework = knowledge.StrictFramework(typ)
	return h, true
}

// strictRow returns the row of a strict server constructor: a function
// named as the row's, whose parameter 0 is the generated interface of
// its own package, which declares the options type with its func field.
func strictRow(callee *ssa.Function) *knowledge.StrictServer {
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj.Pkg() == nil {
		return nil
	}
	for i := range knowledge.StrictServers {
		row := &knowledge.StrictServers[i]
		if obj.Name() != row.Constructor {
			continue
		}
		sig := obj.Signature()
		if sig.Params().Len() == 0 || (row.OptionsArg >= 0 && sig.Params().Len() <= row.OptionsArg) {
			continue
		}
		iface, ok := types.Unalias(sig.Params().At(0).Type()).(*types.Named)
		if !ok || iface.Obj().Name() != row.Interface || iface.Obj().Pkg() != obj.Pkg() {
			continue
		}
		if strictField(obj.Pkg(), row) == nil {
			continue
		}
		return row
	}
	return nil
}

// strictField returns the options type's error handler field in pkg,
// when it is a func taking an error at the row's ErrParam.
func strictField(pkg *types.Package, row *knowledge.StrictServer) *types.Var {
	tn, ok := pkg.Scope().Lookup(row.OptionsType).(*types.TypeName)
	if !ok {
		return nil
	}
	st, ok := tn.Type().Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if f.Name() != row.Field {
			continue
		}
		sig, ok := f.Type().Underlying().(*types.Signature)
		if ok && sig.Params().Len() > row.ErrParam && knowledge.IsErrorType(sig.Params().At(row.ErrParam).Type()) {
			return f
		}
	}
	return nil
}

// implType names the module's type of the implementation handed to the
// constructor ("pkg/path.Type"), or "".
func implType(v ssa.Value) string {
	t := shapes.Strip(v).Type() // behind the conversion to the interface
	if types.IsInterface(t) {
		return "" // an implementation not known here
	}
	return knowledge.NamedPath(t)
}

// strictHandler describes the handler answering a constructed strict
// server's errors: the options' field where the package builds the
// options at the call, else the default.
func (e *Engine) strictHandler(row *knowledge.StrictServer, callee *ssa.Function, args []ssa.Value) (knowledge.InstalledHandler, bool) {
	if row.OptionsArg >= 0 {
		v, known := strictOption(args[row.OptionsArg], row.Field)
		if !known {
			return knowledge.InstalledHandler{}, false
		}
		if v != nil {
			return e.strictInstalled(row, v)
		}
	}
	// the generated default: its code, where the constructor is at hand
	if callee.Blocks != nil {
		for _, v := range storesTo(callee, row.OptionsType, row.Field) {
			if h, ok := e.strictInstalled(row, v); ok {
				return h, true
			}
		}
	}
	return knowledge.InstalledHandler{Name: "oapi-codegen's default " + row.Field, Sinks: []knowledge.SinkParam{row.Default}}, true
}

// strictInstalled describes the function v as the handler of a strict
// server's errors. One in generated code (the default, at hand) is
// reported nowhere: its sinks cover no one.
func (e *Engine) strictInstalled(row *knowledge.StrictServer, v ssa.Value) (knowledge.InstalledHandler, bool) {
	fw := &knowledge.ErrorFramework{Name: "strict", ErrParam: row.ErrParam}
	h, ok := e.installed(fw, v)
	if !ok {
		return h, false
	}
	if fn := shapes.HandlerFunc(v); fn != nil && e.Generated != nil && e.Generated(fn.Pos()) {
		h.Name, h.Pos = "oapi-codegen's default "+row.Field, ""
		for i := range h.Sinks {
			h.Sinks[i].Covered = false
		}
	}
	return h, true
}

// strictOption returns the value of field of the options struct v as the
// package builds it at the call (a composite literal): nil when the
// literal leaves it out (the default); known is false when the options
// come from elsewhere.
func strictOption(v ssa.Value, field string) (fv ssa.Value, known bool) {
	switch x := v.(type) {
	case *ssa.Const:
		return nil, true // the zero options
	case *ssa.UnOp:
		alloc, ok := x.X.(*ssa.Alloc)
		if !ok || x.Op != token.MUL {
			return nil, false
		}
		st, ok := alloc.Type().(*types.Pointer).Elem().Underlying().(*types.Struct)
		if !ok {
			return nil, false
		}
		for _, ref := range *alloc.Referrers() {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || st.Field(fa.Field).Name() != field {
				continue
			}
			for _, r := range *fa.Referrers() {
				if s, ok := r.(*ssa.Store); ok && s.Addr == fa {
					if c, ok := s.Val.(*ssa.Const); ok && c.IsNil() {
						return nil, true
					}
					return s.Val, true
				}
			}
		}
		return nil, true
	}
	return nil, false
}

// storesTo returns the values fn stores into field of a struct of the
// type named typ (the defaults a generated constructor installs).
func storesTo(fn *ssa.Function, typ, field string) []ssa.Value {
	var out []ssa.Value
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			s, ok := instr.(*ssa.Store)
			if !ok {
				continue
			}
			fa, ok := s.Addr.(*ssa.FieldAddr)
			if !ok {
				continue
			}
			p, ok := fa.X.Type().Underlying().(*types.Pointer)
			if !ok {
				continue
			}
			named, ok := types.Unalias(p.Elem()).(*types.Named)
			if !ok || named.Obj().Name() != typ {
				continue
			}
			if st, ok := named.Underlying().(*types.Struct); ok && st.Field(fa.Field).Name() == field {
				out = append(out, s.Val)
			}
		}
	}
	return out
}

// strictFramework returns the framework of the strict server fn may be
// a method of: a method (ctx, request) (response interface, error) of a
// named type; "" for other functions.
func strictFramework(fn *ssa.Function) string {
	sig := fn.Signature
	if fn.Parent() != nil || sig.Recv() == nil || sig.Params().Len() != 2 || sig.Results().Len() != 2 {
		return ""
	}
	if !knowledge.IsNamed(sig.Params().At(0).Type(), "context", "Context") || !knowledge.IsErrorType(sig.Results().At(1).Type()) {
		return ""
	}
	if !types.IsInterface(sig.Results().At(0).Type()) {
		return ""
	}
	if typ := knowledge.NamedPath(sig.Recv().Type()); typ != "" {
		return knowledge.StrictFramework(typ)
	}
	return ""
}

// strictReturns returns the returns of fn, a method of a type the
// program serves as a strict server, whose error reaches the sinks of
// the handler answering it.
func (e *Engine) strictReturns(fn *ssa.Function, framework string) []HandlerReturn {
	hs := e.handlersFor(framework)
	if len(hs) == 0 {
		return nil
	}
	errIndex := fn.Signature.Results().Len() - 1
	out := make([]knowledge.InstalledHandler, 0, len(hs))
	for _, h := range hs {
		h.Sinks = append([]knowledge.SinkParam(nil), h.Sinks...)
		for i := range h.Sinks {
			h.Sinks[i].Param = errIndex
		}
		out = append(out, h)
	}
	return e.returnsTo(fn, out, nil)
}
