package leak

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/engine"
	"github.com/upstreamlint/upstreamlint/analyzer/report"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
)

// gRPC error helpers. Services often answer every failure through one
// helper, func toStatus(err error) error { return status.Error(codes.Internal,
// err.Error()) }, called from their service methods' returns with errors
// that come through a query bus or a repository interface. The helper
// sends its error parameter's text with a server code: that is the
// finding (the server-error rule), reported once in the helper, where
// the fix belongs, when a service method of the package returns its
// result for an error that is not provably ours.

// A helperUse is a service method's return of a helper's result.
type helperUse struct {
	code string    // the gRPC code the helper sends the text with
	arg  ssa.Value // the error passed to the helper
}

// grpcServerHelper reports whether v, a service method's returned error,
// is a call of a function of the package that, on some path, returns a
// status with a server code and its error parameter's text
// (grpcServerError with the parameter as the leaf), and the error passed
// there is not provably ours: the helper, the code and the argument.
func grpcServerHelper(e *engine.Engine, b *ssa.BasicBlock, v ssa.Value) (*ssa.Function, string, ssa.Value) {
	call, ok := shapes.Strip(v).(*ssa.Call)
	if !ok {
		return nil, "", nil
	}
	h := call.Common().StaticCallee()
	if h == nil || h.Pkg != e.Pkg || h.Blocks == nil {
		return nil, "", nil
	}
	for _, hb := range h.Blocks {
		ret, ok := hb.Instrs[len(hb.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		code, leaf := grpcServerError(e, hb, ret.Results[len(ret.Results)-1])
		p, isParam := leaf.(*ssa.Parameter)
		if !isParam {
			continue
		}
		for i, q := range h.Params {
			if q != p || i >= len(call.Common().Args) {
				continue
			}
			arg := call.Common().Args[i]
			if shapes.IsErrorValue(arg) && e.OwnErrorText(b, arg) {
				return nil, "", nil // our own error: the helper sends our text
			}
			return h, code, arg
		}
	}
	return nil, "", nil
}

// grpcHelpers reports each helper once, at its return of the status.
func (c *checker) grpcHelpers(e *engine.Engine, rep *report.Reporter, helpers map[*ssa.Function][]helperUse) {
	for _, h := range e.Funcs {
		uses := helpers[h]
		if len(uses) == 0 {
			continue
		}
		for _, hb := range h.Blocks {
			ret, ok := hb.Instrs[len(hb.Instrs)-1].(*ssa.Return)
			if !ok || len(ret.Results) == 0 {
				continue
			}
			code, leaf := grpcServerError(e, hb, ret.Results[len(ret.Results)-1])
			p, ok := leaf.(*ssa.Parameter)
			if !ok {
				continue
			}
			expr := rep.ReturnedError(ret)
			if expr == nil || rep.Skip(h, expr.Pos()) {
				continue
			}
			calls := fmt.Sprintf("%d calls", len(uses))
			if len(uses) == 1 {
				calls = "1 call"
			}
			rep.Report(analysis.Diagnostic{
				Pos: expr.Pos(), End: expr.End(),
				Message: fmt.Sprintf("error text of %s is sent with gRPC code %s by %s, which service methods return (%s); internal errors carry details of our dependencies: log it and return a status with a generic message",
					p.Name(), code, h.Name(), calls),
			})
		}
	}
}
