package analyzer

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// gRPC servers answer by returning: the error a service method returns
// becomes the status (code and message) its client receives.

// A ReturnEvent is a return statement of a gRPC service method, with the
// error it returns.
type ReturnEvent struct {
	Instr  *ssa.Return
	Value  ssa.Value // the returned error
	Labels Labels
}

// GRPCReturns returns the return statements of fn when fn is a gRPC
// service method, or nil.
func (e *Engine) GRPCReturns(fn *ssa.Function) []ReturnEvent {
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
		out = append(out, ReturnEvent{Instr: ret, Value: v, Labels: e.Labels(v)})
	}
	return out
}

// isServiceMethod reports whether fn is a method of a gRPC service
// implementation: an exported method returning an error, on a type that
// embeds a generated Unimplemented…Server or Unsafe…Server, or that is
// passed to a generated Register…Server function in this package.
func (e *Engine) isServiceMethod(fn *ssa.Function) bool {
	if fn.Parent() != nil || fn.Signature.Recv() == nil {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || !obj.Exported() {
		return false
	}
	res := fn.Signature.Results()
	if res.Len() == 0 || !isErrorType(res.At(res.Len()-1).Type()) {
		return false
	}
	named := recvNamed(fn.Signature.Recv().Type())
	if named == nil {
		return false
	}
	if e.serviceTypes == nil {
		e.serviceTypes = e.findRegisteredServices()
	}
	return embedsGeneratedServer(named) || e.serviceTypes[named.Obj()]
}

func recvNamed(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

func embedsGeneratedServer(n *types.Named) bool {
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if !f.Embedded() {
			continue
		}
		if fn := recvNamed(f.Type()); fn != nil {
			name := fn.Obj().Name()
			if (strings.HasPrefix(name, "Unimplemented") || strings.HasPrefix(name, "Unsafe")) && strings.HasSuffix(name, "Server") {
				return true
			}
		}
	}
	return false
}

// findRegisteredServices finds the types passed as the server argument
// of generated Register…Server(s grpc.ServiceRegistrar, srv …Server) calls.
func (e *Engine) findRegisteredServices() map[*types.TypeName]bool {
	out := make(map[*types.TypeName]bool)
	for _, fn := range e.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				obj, _ := callee(call.Common())
				if obj == nil || !strings.HasPrefix(obj.Name(), "Register") || !strings.HasSuffix(obj.Name(), "Server") {
					continue
				}
				args := call.Common().Args
				if len(args) != 2 {
					continue
				}
				v := args[1]
				if mi, ok := v.(*ssa.MakeInterface); ok {
					v = mi.X
				}
				if n := recvNamed(v.Type()); n != nil {
					out[n.Obj()] = true
				}
			}
		}
	}
	return out
}
