package engine

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
)

// Status helpers: a function of the module that turns any error into a
// gRPC status or a Connect error with a server code and the error's
// text (func toStatus(err error) error { return status.Error(codes.Internal,
// err.Error()) }, kubeapps' connecterror.FromK8sError). The service
// methods that return its result send that text to their clients; the
// fix belongs in the helper, which the leak check reports once. Its
// package exports which parameter it sends (FuncFact.ServerText), so
// that callers in other packages know the helper without its body; the
// standalone's join gathers their calls (StatusHelperCall), and in phase
// 2 the helper's own package reports it with every call counted, while
// the callers' packages do not report those calls again. Per-package
// hosts without the join report what the callers' packages see.

// ServerCodedText returns, for v, an error built by status.Error(f)(code,
// …), status.New(f)(code, …).Err() or connect.NewError(code, …) with a
// server-error code (knowledge.ServerCodes), that code's name and an
// error whose text the message carries and that is not provably ours
// where b runs; or "" and nil.
func (e *Engine) ServerCodedText(b *ssa.BasicBlock, v ssa.Value) (string, ssa.Value) {
	call, ok := shapes.Strip(v).(*ssa.Call)
	if !ok {
		return "", nil
	}
	args := call.Common().Args
	switch knowledge.CodedErrors[staticName(call)] {
	case knowledge.CodedError: // status.Error(f), connect.NewError (Connect's codes are gRPC's numbers)
	case knowledge.StatusError:
		// status.New(code, …).Err()
		inner, ok := shapes.Strip(args[0]).(*ssa.Call)
		if !ok {
			return "", nil
		}
		if knowledge.CodedErrors[staticName(inner)] != knowledge.CodedStatus {
			return "", nil
		}
		args = inner.Common().Args
	default:
		return "", nil
	}
	if len(args) < 2 {
		return "", nil
	}
	code, ok := serverCode(args[0])
	if !ok {
		return "", nil
	}
	for _, a := range args[1:] {
		for _, leaf := range e.TextLeavesOf(a, nil) {
			if shapes.IsErrorValue(leaf) && !e.OwnErrorText(b, leaf) {
				return code, leaf
			}
		}
	}
	return "", nil
}

// serverCode returns the server-error code a status is made with: a
// constant, or one of the constants a variable holds on the paths that
// reach the call (code := codes.Internal, then narrowed for the errors
// of known kinds: every other error goes with Internal).
func serverCode(v ssa.Value) (string, bool) {
	consts := []ssa.Value{shapes.Strip(v)}
	if phi, ok := consts[0].(*ssa.Phi); ok {
		consts = phi.Edges
	}
	for _, e := range consts {
		c, ok := shapes.Strip(e).(*ssa.Const)
		if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
			continue
		}
		n, _ := constant.Int64Val(c.Value)
		if code, ok := knowledge.ServerCodes[n]; ok {
			return code, true
		}
	}
	return "", false
}

// staticName is the full name of a static callee, or "".
func staticName(call *ssa.Call) string {
	return funcName(call.Common().StaticCallee())
}

// funcName is the full name of a declared function (knowledge.FullName),
// or "" for nil or a synthetic function.
func funcName(fn *ssa.Function) string {
	if fn == nil {
		return ""
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return ""
	}
	return knowledge.FullName(obj)
}

// ReturnedValue returns the value a return gives back: v, or, in a
// function with defers (go/ssa stores each return's results into shared
// result cells, runs the defers and loads them back), the value stored
// into the cell that reaches the load on every path, when it is one.
func (e *Engine) ReturnedValue(v ssa.Value) ssa.Value {
	ld, ok := shapes.Strip(v).(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return v
	}
	alloc, ok := ld.X.(*ssa.Alloc)
	if !ok || alloc.Heap {
		return v
	}
	if sts := reachingStore(ld, e, alloc, ""); len(sts) == 1 {
		return sts[0].Val
	}
	return v
}

// A StatusReturn is a return of a status helper: the block that returns
// the status, the parameter whose text it carries (its index in
// fn.Params, receiver first) and the code. Via is, for a return that
// hands the parameter to another helper of the package and returns what
// that one builds (return rewriteError(ctx, err, nil)), that helper; nil
// when the status is built here.
type StatusReturn struct {
	Block *ssa.BasicBlock
	Param int
	Code  string
	Via   *ssa.Function
}

// maxHelperChain bounds how many helpers a chain of StatusReturns goes
// through.
const maxHelperChain = 4

// StatusReturns returns the returns of fn whose last result is a status
// with a server code carrying the text of one of fn's error parameters
// (ServerCodedText with the parameter as the leaf, or with an error made
// from it: fmt.Errorf("unable to %s: %w", verb, err)), or the result of
// another such helper of the package given that parameter, in block
// order. In a function that has such returns (one that maps errors to
// statuses), a return of the error parameter itself, where it is not
// already a status (status.FromError), sends its text with Unknown.
func (e *Engine) StatusReturns(fn *ssa.Function) []StatusReturn {
	return e.statusReturns(fn, 0)
}

func (e *Engine) statusReturns(fn *ssa.Function, depth int) []StatusReturn {
	if rs, ok := e.statusMemo[fn]; ok {
		return rs
	}
	if depth > maxHelperChain {
		return nil
	}
	e.statusMemo[fn] = nil // a cycle of helpers adds nothing
	var out, unchanged []StatusReturn
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		v := e.ReturnedValue(ret.Results[len(ret.Results)-1])
		if code, leaf := e.ServerCodedText(b, v); leaf != nil {
			if i := e.textParam(fn, b, leaf); i >= 0 {
				out = append(out, StatusReturn{Block: b, Param: i, Code: code})
			}
			continue
		}
		if sr, ok := e.chainedReturn(fn, b, v, depth); ok {
			out = append(out, sr)
			continue
		}
		if p, ok := shapes.Strip(v).(*ssa.Parameter); ok && shapes.IsErrorValue(p) && !e.OwnErrorText(b, p) && !shapes.StatusGuarded(b, p) {
			unchanged = append(unchanged, StatusReturn{Block: b, Param: slices.Index(fn.Params, p), Code: "Unknown"})
		}
	}
	if len(out) > 0 {
		out = append(out, unchanged...)
		slices.SortFunc(out, func(a, b StatusReturn) int { return a.Block.Index - b.Block.Index })
	}
	e.statusMemo[fn] = out
	return out
}

// chainedReturn reports whether v, returned by fn in b, is the result of
// a status helper h given one of fn's error parameters, not ours where b
// runs, as the parameter h sends: a helper of the package (Via), or of
// another package of the module, known by its fact (then fn is where its
// callers' finding is reported).
func (e *Engine) chainedReturn(fn *ssa.Function, b *ssa.BasicBlock, v ssa.Value, depth int) (StatusReturn, bool) {
	call, ok := shapes.Strip(v).(*ssa.Call)
	if !ok {
		return StatusReturn{}, false
	}
	h := call.Common().StaticCallee()
	if h == nil || h == fn {
		return StatusReturn{}, false
	}
	var param int
	var code string
	var via *ssa.Function
	switch obj, _ := h.Object().(*types.Func); {
	case h.Pkg == fn.Pkg && h.Blocks != nil:
		inner := e.statusReturns(h, depth+1)
		if len(inner) == 0 {
			return StatusReturn{}, false
		}
		param, code, via = inner[0].Param, inner[0].Code, h
	case obj != nil:
		// a helper of another package of the module, known by its fact:
		// this function is the helper its callers see (spicedb's
		// ps.rewriteError(ctx, err) returning shared.RewriteError(…))
		st := e.ImportedServerText(obj)
		if st == nil {
			return StatusReturn{}, false
		}
		param, code = st.Param, st.Code
	default:
		return StatusReturn{}, false
	}
	args := call.Common().Args
	if param >= len(args) {
		return StatusReturn{}, false
	}
	p, ok := shapes.Strip(args[param]).(*ssa.Parameter)
	if !ok || p.Parent() != fn || !shapes.IsErrorValue(p) || e.OwnErrorText(b, p) {
		return StatusReturn{}, false
	}
	return StatusReturn{Block: b, Param: slices.Index(fn.Params, p), Code: code, Via: via}, true
}

// A StatusSite is where a helper's status is built: a StatusReturn of
// Fn, the helper itself or one it hands its parameter to.
type StatusSite struct {
	Fn *ssa.Function
	StatusReturn
}

// StatusSites returns the returns that build the statuses of helper h,
// following its chained returns (StatusReturn.Via) to the helpers that
// build them, each once.
func (e *Engine) StatusSites(h *ssa.Function) []StatusSite {
	var out []StatusSite
	seen := make(map[*ssa.Function]bool)
	var walk func(fn *ssa.Function, depth int)
	walk = func(fn *ssa.Function, depth int) {
		if seen[fn] || depth > maxHelperChain {
			return
		}
		seen[fn] = true
		for _, sr := range e.StatusReturns(fn) {
			if sr.Via != nil {
				walk(sr.Via, depth+1)
				continue
			}
			out = append(out, StatusSite{Fn: fn, StatusReturn: sr})
		}
	}
	walk(h, 0)
	return out
}

// textParam returns the index of the error parameter of fn whose text
// the error leaf carries (the parameter itself, or an error the labels
// show made from its text), not provably ours where b runs; or -1.
func (e *Engine) textParam(fn *ssa.Function, b *ssa.BasicBlock, leaf ssa.Value) int {
	if p, ok := leaf.(*ssa.Parameter); ok {
		return slices.Index(fn.Params, p)
	}
	for _, l := range e.Labels(leaf) {
		if l.Kind != knowledge.KindParam || l.Owner != fn || l.Param < 0 || l.Param >= len(fn.Params) || l.Path != "" {
			continue
		}
		if !keepsText(l.Reads) {
			continue // a field of the parameter, its code: not its text
		}
		if p := fn.Params[l.Param]; shapes.IsErrorValue(p) && !e.OwnErrorText(b, p) {
			return l.Param
		}
	}
	return -1
}

// keepsText reports whether a label's reads (ops joined by "/") keep
// the text of the value they start from: stringified, wrapped (%w,
// errors.Join) or rebuilt from the text (fmt.Errorf with %v).
func keepsText(reads string) bool {
	if reads == "" {
		return true
	}
	for _, op := range strings.Split(reads, "/") {
		switch op {
		case knowledge.OpText, knowledge.OpWrap, knowledge.OpWrapText:
		default:
			return false
		}
	}
	return true
}

// ServerTextFact is what a helper's fact says of it (StatusReturns): the
// first parameter a return sends with a server code, or nil.
func (e *Engine) ServerTextFact(fn *ssa.Function) *wholeprog.ServerText {
	rs := e.StatusReturns(fn)
	if len(rs) == 0 {
		return nil
	}
	return &wholeprog.ServerText{Param: rs[0].Param, Code: rs[0].Code}
}

// ImportedServerText returns what the fact of a function of another
// package of the module says it sends with a server code, or nil.
func (e *Engine) ImportedServerText(obj *types.Func) *wholeprog.ServerText {
	if obj == nil || e.importFact == nil || obj.Pkg() == nil || obj.Pkg() == e.Pkg.Pkg {
		return nil
	}
	ff := e.importFact(obj.Origin())
	if ff == nil {
		return nil
	}
	return ff.ServerText
}

// NoteStatusHelperCall records in phase 1 a service method's return of
// a status helper (or builder) of another package of the module (a no-op
// elsewhere). The helper is c.Helper, or, when that is nil, the function
// c.HelperName of package c.HelperPkg.
func (e *Engine) NoteStatusHelperCall(c wholeprog.StatusHelperCall) {
	if !e.Dynamic || e.Sum == nil || c.Caller == nil {
		return
	}
	if c.Helper != nil {
		c.HelperName, c.HelperPkg = knowledge.FullName(c.Helper), c.Helper.Pkg().Path()
	}
	if c.HelperName == "" || e.Module == "" || !(c.HelperPkg == e.Module || strings.HasPrefix(c.HelperPkg, e.Module+"/")) {
		return
	}
	if strings.HasSuffix(c.At.Filename, "_test.go") {
		return // tests are not the program's traffic (and go vet always analyses them)
	}
	c.CallerPkg = c.Caller.Path()
	e.Sum.AddStatusHelperCall(c)
}

// NoteBuiltThrough records in phase 1 the dynamic labels of a service
// method's error returned at at: the join finds whether the call's
// implementations return a status built from a dependency error
// (wholeprog.StatusHelperCall.Through; a no-op elsewhere).
func (e *Engine) NoteBuiltThrough(ls labels.Labels, at token.Position) {
	if !e.Dynamic || e.Sum == nil || e.Prog != nil || strings.HasSuffix(at.Filename, "_test.go") {
		return
	}
	for _, l := range ls {
		key, ok := l.Owner.(string)
		if l.Kind != knowledge.KindDynamic || !ok || l.Path != "" {
			continue
		}
		e.Sum.AddStatusHelperCall(wholeprog.StatusHelperCall{
			Through:   &labels.FactLabel{Kind: l.Kind, Param: l.Param, Reads: l.Reads, Dyn: key},
			CallerPkg: e.Pkg.Pkg.Path(), At: at, Dep: true, Built: true,
		})
	}
}

// ProgramStatusHelper returns, in phase 2, the calls of the whole program
// to the status helper named name (to the status builder, when built),
// and whether the program knows them: then the function's own package
// reports it.
func (e *Engine) ProgramStatusHelper(name string, built bool) ([]wholeprog.StatusHelperCall, bool) {
	if e.Prog == nil || name == "" {
		return nil, false
	}
	var out []wholeprog.StatusHelperCall
	for _, c := range e.Prog.StatusHelpers[name] {
		if c.Built == built {
			out = append(out, c)
		}
	}
	return out, len(out) > 0
}

// Builds reports whether the function named name makes a gRPC status or
// a Connect error from a code and a message (status.Error, status.New,
// connect.NewError).
func Builds(name string) bool {
	switch knowledge.CodedErrors[name] {
	case knowledge.CodedError, knowledge.CodedStatus:
		return true
	}
	return false
}

// BuilderName is the name a status built in fn is marked with
// (labels.Label.Built): the full name of the declared function fn is,
// or is a closure of; "" for a synthetic function.
func BuilderName(fn *ssa.Function) string {
	for n := 0; fn != nil && fn.Parent() != nil && n < 64; n++ {
		fn = fn.Parent()
	}
	return funcName(fn)
}

// BuildsStatus reports whether call makes a gRPC status or a Connect
// error from a code and a message (Builds of its static callee).
func BuildsStatus(call *ssa.Call) bool {
	return Builds(staticName(call))
}
