package leak

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/engine"
	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/report"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
)

// gRPC and Connect error helpers. Services often answer every failure
// through one helper, func toStatus(err error) error { return
// status.Error(codes.Internal, err.Error()) }, called from their service
// methods' returns with errors that come through a query bus, a
// repository interface or a client (kubeapps' connecterror.FromK8sError
// wraps any Kubernetes error into a CodeInternal Connect error). The
// helper sends its error parameter's text with a server code: that is
// the finding (the server-error rule), reported once in the helper,
// where the fix belongs, when service methods return its result for an
// error that is not provably ours; those returns are not reported again,
// even when the error is a dependency error (the reason the helper's
// finding names in its related information).
//
// A helper of this package is judged from its body
// (engine.StatusReturns). A helper of another package of the module is
// known by its fact (FuncFact.ServerText): in the standalone's second
// phase the join gathers its calls from every package and the helper's
// own package reports it (engine/statushelpers.go); without the join,
// the callers report what they see, a dependency error at its return.

// A helperUse is a service method's return of a helper's result.
type helperUse struct {
	fn   *ssa.Function // the helper, when it is of this package (else nil)
	obj  *types.Func   // the helper
	code string        // the gRPC code the helper sends the text with
	dep  bool          // the error passed is a dependency error
	pos  token.Pos     // the returned expression
	// own: not a use, because the error passed is provably ours and no
	// other argument carries a leaking label: the helper sends our text
	own bool
}

// statusHelperCall reports whether v, a service method's returned error,
// is a call of a status helper (a function of this package
// that, on some path, returns a status with a server code and its error
// parameter's text, or one of another package whose fact says so) with
// an error that is not provably ours: the helper and its code.
func statusHelperCall(e *engine.Engine, v ssa.Value) (helperUse, bool) {
	call, ok := shapes.Strip(e.ReturnedValue(v)).(*ssa.Call)
	if !ok {
		return helperUse{}, false
	}
	h := call.Common().StaticCallee()
	if h == nil {
		return helperUse{}, false
	}
	obj, _ := h.Object().(*types.Func)
	use := helperUse{obj: obj}
	param := -1
	switch {
	case h.Pkg == e.Pkg && h.Blocks != nil:
		rs := e.StatusReturns(h)
		if len(rs) == 0 {
			return helperUse{}, false
		}
		use.fn, param, use.code = h, rs[0].Param, rs[0].Code
	case obj != nil:
		st := e.ImportedServerText(obj)
		if st == nil {
			return helperUse{}, false
		}
		param, use.code = st.Param, st.Code
	}
	args := call.Common().Args
	if use.obj == nil || param < 0 || param >= len(args) {
		return helperUse{}, false
	}
	if arg := args[param]; shapes.IsErrorValue(arg) && e.OwnErrorText(call.Block(), arg) {
		// our own error (a sentinel, or nil where it is passed): the
		// helper sends our text
		return helperUse{obj: use.obj, own: ownUnlessOthers(e, args, param)}, false
	}
	return use, true
}

// ownUnlessOthers reports whether no argument but the helper's error
// parameter carries a leaking label: then what the labels of the
// helper's result say comes from that error, which is ours where it is
// passed (err, nil after its guard, still carries the labels of the
// call that set it).
func ownUnlessOthers(e *engine.Engine, args []ssa.Value, param int) bool {
	for i, a := range args {
		if i == param {
			continue
		}
		for _, l := range e.Labels(a) {
			if leakingKind(l.Kind) {
				return false
			}
		}
	}
	return true
}

// grpcHelpers reports each helper of the package once, at its returns of
// the status, with its uses in the package and, in the standalone's
// second phase, in the whole program.
func (c *checker) grpcHelpers(e *engine.Engine, rep *report.Reporter, helpers map[*ssa.Function][]helperUse) {
	// A helper that hands its parameter to another (RewriteError calling
	// rewriteError) is reported where the status is built, once, with
	// the uses of every helper of the chain.
	type site struct {
		uses    []helperUse
		program []wholeprog.StatusHelperCall
	}
	sites := make(map[*ssa.Function]*site)
	var order []*ssa.Function
	for _, h := range e.Funcs {
		uses := helpers[h]
		var program []wholeprog.StatusHelperCall
		if obj, ok := h.Object().(*types.Func); ok && h.Parent() == nil && obj.Pkg() == e.Pkg.Pkg {
			program, _ = e.ProgramStatusHelper(knowledge.FullName(obj), false)
		}
		if len(uses)+len(program) == 0 {
			continue
		}
		for _, fn := range siteFuncs(e.StatusSites(h)) {
			s := sites[fn]
			if s == nil {
				s = &site{}
				sites[fn] = s
				order = append(order, fn)
			}
			s.uses = append(s.uses, uses...)
			s.program = append(s.program, program...)
		}
	}
	slices.SortFunc(order, func(a, b *ssa.Function) int { return int(a.Pos() - b.Pos()) })
	for _, h := range order {
		s := sites[h]
		n := len(s.uses) + len(s.program)
		related := helperReasons(rep, s.uses, s.program, "a service method returns it for a dependency error")
		for _, sr := range e.StatusReturns(h) {
			if sr.Via != nil {
				continue // reported where that helper builds it
			}
			ret := sr.Block.Instrs[len(sr.Block.Instrs)-1].(*ssa.Return)
			expr := rep.ReturnedError(ret)
			if expr == nil || rep.Skip(h, expr.Pos()) {
				continue
			}
			calls := fmt.Sprintf("%d calls", n)
			if n == 1 {
				calls = "1 call"
			}
			rep.Report(analysis.Diagnostic{
				Pos: expr.Pos(), End: expr.End(),
				Message: fmt.Sprintf("error text of %s is sent with gRPC code %s by %s, which service methods return (%s); internal errors carry details of our dependencies: log it and return a status with a generic message",
					h.Params[sr.Param].Name(), sr.Code, h.Name(), calls),
				Related: related,
			})
		}
	}
}

// siteFuncs returns the functions of sites, each once, in order.
func siteFuncs(sites []engine.StatusSite) []*ssa.Function {
	var out []*ssa.Function
	for _, s := range sites {
		if !slices.Contains(out, s.Fn) {
			out = append(out, s.Fn)
		}
	}
	return out
}

// maxReasons bounds the calls a helper's finding names: the reader needs
// an example of the reason, not the list.
const maxReasons = 3

// helperReasons names, in the helper's (or builder's) related
// information, the first returns of its result that pass a dependency
// error, each with msg: the reason the helper's text is internal detail.
func helperReasons(rep *report.Reporter, uses []helperUse, program []wholeprog.StatusHelperCall, msg string) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for _, u := range uses {
		if u.dep && len(out) < maxReasons {
			out = append(out, analysis.RelatedInformation{Pos: u.pos, Message: msg})
		}
	}
	for _, c := range program {
		if !c.Dep || len(out) >= maxReasons || rep.Program == nil {
			continue
		}
		if pos := rep.Program.Pos(rep.Pass.Fset, c.At.String()); pos.IsValid() {
			out = append(out, analysis.RelatedInformation{Pos: pos, Message: msg})
		}
	}
	return out
}
