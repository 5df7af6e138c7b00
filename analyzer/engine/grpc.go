package engine

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
)

// gRPC servers answer by returning: the error a service method returns
// becomes the status (code and message) its client receives.

// A ReturnEvent is a return statement of a gRPC service method, with the
// error it returns.
type ReturnEvent struct {
	Instr  *ssa.Return
	Value  ssa.Value // the returned error
	Labels labels.Labels
	// Via is, for a function that answers for a generated service
	// method (a delegate), that method; the zero Via otherwise.
	Via Via
}

// GRPCReturns returns the return statements of fn when fn is a gRPC
// service method, or nil.
func (e *Engine) GRPCReturns(fn *ssa.Function) []ReturnEvent {
	e.mustHold()
	if !e.isServiceMethod(fn) {
		return nil
	}
	if e.delegated(fn) {
		return nil // its callee answers: reported there
	}
	var via Via
	if obj, ok := fn.Object().(*types.Func); ok && fn.Parent() == nil {
		via, _ = e.service(fn, obj)
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
		if e.answersFor(fn, v) {
			continue // another answerer's answer, returned as it is: judged where it is made
		}
		if !shapes.NarrowedToConstants(b, v) {
			ls = e.Labels(v)
		}
		out = append(out, ReturnEvent{Instr: ret, Value: v, Labels: ls, Via: via})
	}
	return out
}

// GRPCReplies returns the returns of fn, a gRPC service method, of a
// reply with a nil error: the reply message is what the client receives
// (kratos services answering failures in a reply field,
// reply.StatusMsg = err.Error(); return reply, nil). Value is the reply,
// Labels its labels.
func (e *Engine) GRPCReplies(fn *ssa.Function) []ReturnEvent {
	e.mustHold()
	if !e.isServiceMethod(fn) || e.delegated(fn) {
		return nil
	}
	var out []ReturnEvent
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) != 2 || e.DebugOnly(b) || shapes.ForwardsCall(ret) {
			continue
		}
		if c, ok := ret.Results[1].(*ssa.Const); !ok || !c.IsNil() {
			continue
		}
		v := ret.Results[0]
		if c, ok := v.(*ssa.Const); ok && c.IsNil() {
			continue
		}
		out = append(out, ReturnEvent{Instr: ret, Value: v, Labels: e.Labels(v)})
	}
	return out
}

// answersFor reports whether v, returned by fn, is the error result of a
// call of another function of the package that answers the client itself
// (an interceptor handing the request to a helper of its own shape,
// return a.authorize(ctx, req, info, handler)): its returns are judged
// there, once.
func (e *Engine) answersFor(fn *ssa.Function, v ssa.Value) bool {
	x, ok := shapes.Strip(v).(*ssa.Extract)
	if !ok {
		return false
	}
	call, ok := x.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	callee := call.Call.StaticCallee()
	return callee != nil && callee != fn && callee.Pkg == e.Pkg && knowledge.IsServerInterceptor(callee.Signature)
}

// isServiceMethod reports whether fn answers a gRPC client: a method of
// a gRPC service implementation (a method of the generated service
// interface: the methods of the Unimplemented…Server it embeds, or of
// the …Server interface of the Register…Server call it is passed to), a
// server interceptor, or a delegate of a generated service method.
func (e *Engine) isServiceMethod(fn *ssa.Function) bool {
	if knowledge.IsServerInterceptor(fn.Signature) {
		return true // a server interceptor answers for every method (knowledge/grpc.go)
	}
	if e.isDelegate(fn) {
		return true
	}
	return e.serviceMethod(fn)
}

// rpcRequest reports whether p is the request message of a gRPC service
// method: its last parameter, a pointer to a struct (the method's ctx
// and receiver excluded). What the client sent in it is the client's
// input, as an HTTP request's body is.
func (e *Engine) rpcRequest(p *ssa.Parameter) bool {
	fn := p.Parent()
	if fn == nil || len(fn.Params) < 2 || fn.Params[len(fn.Params)-1] != p {
		return false
	}
	ptr, ok := p.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	if _, ok := ptr.Elem().Underlying().(*types.Struct); !ok {
		return false
	}
	return e.serviceMethod(fn)
}

// serviceMethod is isServiceMethod without the delegates.
func (e *Engine) serviceMethod(fn *ssa.Function) bool {
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
// take a context first and return an error last; or the interface a
// generated grpc-go Register…Server(s grpc.ServiceRegistrar, srv I) takes
// (dragonfly's manager: generated without the Unimplemented… type to
// embed, the server type returned as the interface by a constructor and
// registered in another package). Such services are registered in main,
// away from their methods: the interface says it.
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
			if !strings.HasSuffix(n, "Server") {
				continue
			}
			f, ok := scope.Lookup(n).(*types.Func)
			if !ok {
				continue
			}
			params := f.Signature().Params()
			switch {
			case strings.HasPrefix(n, "New") && params.Len() > 0:
				it, ok := params.At(0).Type().Underlying().(*types.Interface)
				if ok && it.NumMethods() > 0 && rpcMethods(it) {
					out = append(out, it)
				}
			case strings.HasPrefix(n, "Register") && params.Len() == 2 && knowledge.IsServiceRegistrar(params.At(0).Type()):
				if it, ok := params.At(1).Type().Underlying().(*types.Interface); ok && it.NumMethods() > 0 {
					out = append(out, it)
				}
			}
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

// Delegates. goctl (go-zero) generates a zrpc service's methods in a
// file of their own, each handing the request to a logic type of
// another package and returning its answer unchanged:
//
//	func (s *OrderServer) Create(ctx context.Context, in *order.CreateRequest) (*order.CreateResponse, error) {
//		l := logic.NewCreateLogic(ctx, s.svcCtx)
//		return l.Create(in)
//	}
//
// Generated code is not where a defect is fixed, and nothing is reported
// in it: the logic's method answers the service, so its returns are
// judged as a service method's. A delegate of the same package is known
// here; one of another package only to the whole program (the join
// carries the delegates to their packages, Program.Served). Without the
// program (a per-package host with the join off), the generated method
// keeps its returns, and the generated file keeps them silent.

// delegateOf returns the function a service method of a generated file
// returns the answer of, unchanged (every result of every return that
// may carry an error is the same call's), when that function is of the
// linted module; else nil.
func (e *Engine) delegateOf(fn *ssa.Function) *ssa.Function {
	if e.Generated == nil || !e.Generated(fn.Pos()) {
		return nil
	}
	var call *ssa.Call
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		if c, ok := ret.Results[len(ret.Results)-1].(*ssa.Const); ok && c.IsNil() {
			continue
		}
		for i, r := range ret.Results {
			var c *ssa.Call
			if len(ret.Results) == 1 {
				c, _ = r.(*ssa.Call)
			} else if x, ok := r.(*ssa.Extract); ok && x.Index == i {
				c, _ = x.Tuple.(*ssa.Call)
			}
			if c == nil || (call != nil && c != call) {
				return nil
			}
			call = c
		}
	}
	if call == nil {
		return nil
	}
	callee := call.Call.StaticCallee()
	if callee == nil || callee.Parent() != nil || callee.Signature.Results().Len() != fn.Signature.Results().Len() {
		return nil
	}
	if obj, ok := callee.Object().(*types.Func); !ok || (obj.Pkg() != e.Pkg.Pkg && !e.inModule(obj.Pkg())) {
		return nil
	}
	return callee
}

// delegated reports whether a service method's returns are judged in its
// delegate instead: one of this package, or, with the whole program, of
// another (phase 1 tells the join, which gives phase 2 Program.Served).
func (e *Engine) delegated(fn *ssa.Function) bool {
	d := e.delegateOf(fn)
	if d == nil {
		return false
	}
	obj := d.Object().(*types.Func)
	switch {
	case obj.Pkg() == e.Pkg.Pkg:
		return true
	case e.Dynamic && e.Sum != nil:
		e.Sum.AddDelegate(wholeprog.Delegate{Callee: knowledge.FullName(obj), CalleePkg: obj.Pkg().Path(), Service: wholeprog.Namer{}.FuncRef(e.Pkg.Prog.Fset, fn.Object().(*types.Func))})
		return true
	case e.Prog != nil:
		_, ok := e.Prog.Served[knowledge.FullName(obj)]
		return ok
	}
	return false
}

// isDelegate reports whether fn answers a service for a generated
// service method that returns its results (delegateOf).
func (e *Engine) isDelegate(fn *ssa.Function) bool {
	if fn.Parent() != nil {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return false
	}
	_, ok = e.service(fn, obj)
	return ok
}

// service returns the generated service method whose answer fn gives:
// its name, and its position (NoPos when the program names a position
// the file set cannot hold).
func (e *Engine) service(fn *ssa.Function, obj *types.Func) (via Via, ok bool) {
	if e.Prog != nil {
		if ref, ok := e.Prog.Served[knowledge.FullName(obj)]; ok {
			return Via{Name: ref.Name, Pos: e.Prog.Pos(e.Pkg.Prog.Fset, ref.Pos)}, true
		}
	}
	if e.delegates == nil {
		e.delegates = make(map[*ssa.Function]Via)
		for _, f := range e.Funcs {
			if f.Parent() == nil && e.serviceMethod(f) {
				if d := e.delegateOf(f); d != nil && d.Pkg == e.Pkg {
					if _, dup := e.delegates[d]; !dup {
						e.delegates[d] = Via{Name: knowledge.ShortFuncName(f.Object().(*types.Func)), Pos: f.Pos()}
					}
				}
			}
		}
	}
	via, ok = e.delegates[fn]
	return via, ok
}

// A Via is the generated service method a delegate answers for.
type Via struct {
	Name string
	Pos  token.Pos
}
