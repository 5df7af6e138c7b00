package engine

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
)

// gRPC servers answer by returning: the error a service method returns
// becomes the status (code and message) its client receives.

// A ReturnEvent is a return statement of a gRPC service method, with the
// error it returns.
type ReturnEvent struct {
	Instr  *ssa.Return
	Value  ssa.Value // the returned error
	Labels labels.Labels
}

// GRPCReturns returns the return statements of fn when fn is a gRPC
// service method, or nil.
func (e *Engine) GRPCReturns(fn *ssa.Function) []ReturnEvent {
	e.mustHold()
	if !e.isServiceMethod(fn) {
		return nil
	}
	var out []ReturnEvent
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		v := ret.Results[len(ret.Results)-1]
		if c, ok := v.(*ssa.Const); ok && c.IsNil() {
			continue
		}
		if e.DebugOnly(b) || shapes.ForwardsCall(ret) || shapes.ForwardsAnswer(fn, v) {
			continue
		}
		var ls labels.Labels
		if !shapes.NarrowedToConstants(b, v) {
			ls = e.Labels(v)
		}
		out = append(out, ReturnEvent{Instr: ret, Value: v, Labels: ls})
	}
	return out
}

// isServiceMethod reports whether fn is a method of a gRPC service
// implementation: a method of the generated service interface (the
// methods of the Unimplemented…Server it embeds, or of the …Server
// interface of the Register…Server call it is passed to).
func (e *Engine) isServiceMethod(fn *ssa.Function) bool {
	if fn.Parent() != nil || fn.Signature.Recv() == nil {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || !obj.Exported() {
		return false
	}
	res := fn.Signature.Results()
	if res.Len() == 0 || !knowledge.IsErrorType(res.At(res.Len()-1).Type()) {
		return false
	}
	named := shapes.RecvNamed(fn.Signature.Recv().Type())
	if named == nil {
		return false
	}
	if knowledge.IsConnectHandler(fn.Signature) {
		return !types.IsInterface(named) // a Connect handler method (knowledge/connect.go)
	}
	if e.serviceTypes == nil {
		e.serviceTypes = e.findRegisteredServices()
	}
	if names := e.serviceTypes[named.Obj()]; names != nil && names[obj.Name()] {
		return true
	}
	if shapes.GeneratedServerMethods(named)[obj.Name()] {
		return true
	}
	return e.implementsServer(named, obj.Name())
}

// implementsServer reports whether method name of type named is a
// method of an RPC service interface that named implements: an
// interface of an imported package that a generated server constructor
// of that package takes as its first parameter, New…Server(svc I, …)
// (twirp's NewHaberdasherServer, kitex's NewServer), whose methods all
// take a context first and return an error last. Such services are
// registered in main, away from their methods: the interface says it.
func (e *Engine) implementsServer(named *types.Named, name string) bool {
	if e.serverIfaces == nil {
		e.serverIfaces = serverInterfaces(e.Pkg.Pkg)
	}
	ptr := types.NewPointer(named)
	for _, it := range e.serverIfaces {
		if types.Implements(ptr, it) || types.Implements(named, it) {
			for i := 0; i < it.NumMethods(); i++ {
				if it.Method(i).Name() == name {
					return true
				}
			}
		}
	}
	return false
}

// serverInterfaces returns the RPC service interfaces that generated
// server constructors of pkg's imports take (implementsServer).
func serverInterfaces(pkg *types.Package) []*types.Interface {
	var out []*types.Interface
	for _, imp := range pkg.Imports() {
		scope := imp.Scope()
		for _, n := range scope.Names() {
			if !strings.HasPrefix(n, "New") || !strings.HasSuffix(n, "Server") {
				continue
			}
			f, ok := scope.Lookup(n).(*types.Func)
			if !ok || f.Signature().Params().Len() == 0 {
				continue
			}
			it, ok := f.Signature().Params().At(0).Type().Underlying().(*types.Interface)
			if !ok || it.NumMethods() == 0 || !rpcMethods(it) {
				continue
			}
			out = append(out, it)
		}
	}
	return out
}

// rpcMethods reports whether every method of it has an RPC method's
// shape: a context.Context first, an error last.
func rpcMethods(it *types.Interface) bool {
	for i := 0; i < it.NumMethods(); i++ {
		sig := it.Method(i).Signature()
		if !it.Method(i).Exported() {
			return false
		}
		if sig.Params().Len() == 0 || knowledge.NamedPath(sig.Params().At(0).Type()) != "context.Context" {
			return false
		}
		res := sig.Results()
		if res.Len() == 0 || !knowledge.IsErrorType(res.At(res.Len()-1).Type()) {
			return false
		}
	}
	return true
}

// findRegisteredServices finds the types passed as the server argument
// of generated Register…Server(s grpc.ServiceRegistrar, srv …Server)
// calls, with the methods of that …Server interface.
func (e *Engine) findRegisteredServices() map[*types.TypeName]map[string]bool {
	out := make(map[*types.TypeName]map[string]bool)
	for _, fn := range e.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				obj, _ := shapes.Callee(call.Common())
				if obj == nil || !strings.HasPrefix(obj.Name(), "Register") || !strings.HasSuffix(obj.Name(), "Server") {
					continue
				}
				args := call.Common().Args
				sig := call.Common().Signature()
				if len(args) != 2 || sig.Params().Len() != 2 || !types.IsInterface(sig.Params().At(1).Type()) {
					continue
				}
				v := args[1]
				if mi, ok := v.(*ssa.MakeInterface); ok {
					v = mi.X
				}
				if n := shapes.RecvNamed(v.Type()); n != nil {
					// A type registered for several services serves the
					// methods of each.
					out[n.Obj()] = shapes.AddNames(out[n.Obj()], shapes.MethodNames(sig.Params().At(1).Type()))
				}
			}
		}
	}
	return out
}

// errorConversion returns the labels of a value of a concrete type
// converted to error, as the error's text and identity carry them. For a
// type whose Error method the engine can summarise (a wrapper of the
// module that keeps the internal error for logs and shows a public
// message), what its fields hold counts only as far as Error shows it:
// InternalError{public, internal}.Error() returning public.Error() hides
// the dependency error it keeps. A wrapper with an Unwrap method still
// hands an upstream gRPC error's code on (grpc-go's status.FromError
// unwraps). ok is false where the Error method is unknown.
func (e *Engine) errorConversion(mi *ssa.MakeInterface) (labels.Labels, bool) {
	if types.IsInterface(mi.X.Type()) || !types.Identical(mi.Type(), shapes.ErrorType) {
		return nil, false
	}
	mset := e.Pkg.Prog.MethodSets.MethodSet(mi.X.Type())
	sel := mset.Lookup(nil, "Error")
	if sel == nil {
		return nil, false
	}
	obj, ok := sel.Obj().(*types.Func)
	if !ok || obj.Signature().Params().Len() != 0 || obj.Signature().Results().Len() != 1 {
		return nil, false
	}
	s, key := e.summary(obj, e.Pkg.Prog.MethodValue(sel))
	if s == nil || len(s.Results) != 1 {
		return nil, false
	}
	unwraps := mset.Lookup(nil, "Unwrap") != nil
	var out labels.Labels
	for _, l := range e.Labels(mi.X) {
		if l.Path == "" || (unwraps && (l.Kind == knowledge.KindGRPCError || l.Kind == knowledge.KindGRPCStatus)) {
			out = out.Add(l)
		}
	}
	text := e.resolveAt(s.Results[0], key, mi.Pos(), []ssa.Value{mi.X})
	return out.Union(text.ApplyOps(knowledge.OpWrapText)), true
}
