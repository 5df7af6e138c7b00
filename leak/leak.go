package leak

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/analyzer/engine"
	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/report"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
)

// Name is the check's name: its flag prefix and directive name.
const Name = "leak"

// Config configures the check. Every field has a flag -leak.<name>.
type Config struct {
	// PublicMsg is the function suggested fixes use to turn an error
	// into public text ("example.com/svc/httperr.Public", a
	// func(error) string). Empty: http.StatusText of the status sent.
	PublicMsg analyzer.QualifiedFunc
	// Allow lists functions and packages allowed to send dependency text.
	Allow analyzer.FuncPatterns
}

// DefaultConfig returns the default configuration.
func DefaultConfig() Config { return Config{} }

// Analyzer is the check with its default configuration, bound to its own flags.
var Analyzer = NewAnalyzer(DefaultConfig())

// NewAnalyzer returns a leak analyzer bound to a private copy of cfg,
// on the shared analysis with its default settings.
func NewAnalyzer(cfg Config) *analysis.Analyzer { return New(analyzer.Analyzer, cfg) }

// New returns a leak analyzer bound to a private copy of cfg, on the
// instance of the shared analysis whose analyzer is shared.
func New(shared *analysis.Analyzer, cfg Config) *analysis.Analyzer {
	c := &checker{cfg: cfg}
	a := report.NewCheck(shared, Name, doc, &c.cfg.Allow, c.run)
	c.publicMsg = analyzer.FuncVar(a, &c.cfg.PublicMsg, "publicmsg", PublicMsgSignature, "function turning an error into public text for suggested fixes, as import/path.Func (a "+PublicMsgSignature.String()+")")
	a.Flags.Var(&c.cfg.Allow, "allow", "comma-separated functions or packages allowed to send dependency errors to clients")
	return a
}

type checker struct {
	cfg Config
	// publicMsg is the setting of cfg.PublicMsg, which the fixes check
	// before they call it
	publicMsg *analyzer.FuncSetting
}

// PublicMsgSignature is the signature of -leak.publicmsg: the fix passes
// the error and sends the text.
var PublicMsgSignature = analyzer.Signature{Params: []string{"error"}, Results: []string{"string"}}

// what a finding leaks, in order of severity
type leakKind int

const (
	leakNone leakKind = iota
	leakBody
	leakURL
	leakErr
	leakStack
	// leakServer: the text of an error of unknown origin, sent with a
	// server-error status (docs/design.md: the status decides).
	leakServer
)

func (c *checker) run(pass *analysis.Pass, e *engine.Engine, rep *report.Reporter) {
	for _, fn := range e.Funcs {
		for _, ev := range e.Events(fn) {
			if ev.Role != knowledge.RoleBody || ev.Handoff || ev.Proxy || !e.ErrorMessageSent(ev) {
				continue
			}
			status := e.BodyStatus(ev)
			if ev.No5xx && shapes.ServerError(status.Code) {
				continue // the helper sends a generic message for this status
			}
			kind, l := c.classify(e, ev)
			var internal ssa.Value
			if kind == leakNone && shapes.ServerError(status.Code) {
				if internal = internalError(e, ev); internal != nil {
					kind = leakServer
				}
			}
			if kind == leakNone && !shapes.ServerError(status.Code) {
				c.serverPaths(pass, e, rep, fn, ev)
				continue
			}
			if kind == leakNone || coveredByHelper(pass, ev) {
				continue
			}
			call := rep.CallAt(ev.Instr.Pos())
			expr := leakExpr(pass.TypesInfo, rep, call, ev)
			if expr != nil {
				if t, _ := fixTarget(pass.TypesInfo, expr); t != nil {
					expr = t // name and mark the leaking part of a payload
				}
			}
			pos, end := ev.Instr.Pos(), token.NoPos
			switch {
			case expr != nil:
				pos, end = expr.Pos(), expr.End()
			case call != nil:
				pos, end = call.Pos(), call.End()
			}
			if rep.Skip(fn, pos) {
				continue
			}
			msg := message(kind, expr, ev.Via)
			if kind == leakServer {
				msg = serverMessage(pass.TypesInfo, expr, internal, status.Code, ev.Via)
			}
			d := analysis.Diagnostic{Pos: pos, End: end, Message: msg, Related: rep.Origin(l)}
			if fix, ok := c.fix(pass, rep, call, expr, ev, statusExpr(pass.TypesInfo, rep, status)); ok && ev.Arg >= 0 {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
			rep.Report(d)
		}
	}
	c.grpcReturns(e, rep)
	c.grpcReplies(e, rep)
	reported := c.handlerReturns(e, rep)
	c.serverErrorReturns(e, rep, reported)
	c.typedResponses(pass, e, rep)
}

// serverPaths reports the envelopes a function builds with a constant
// 5xx and the text of an error that is not provably ours, on one of the
// paths to a body sink whose status is read from the envelope itself
// (an error handler's je = &jsonapi.Error{Status: 500, Detail:
// err.Error()}, sent by writeError(c, je) beside the 404 of a not-found
// error): the server-error rule, at the field holding the text.
func (c *checker) serverPaths(pass *analysis.Pass, e *engine.Engine, rep *report.Reporter, fn *ssa.Function, ev engine.SinkEvent) {
	for _, sp := range e.ServerPaths(ev) {
		at := ev
		at.Value = sp.Value
		var leaf ssa.Value
		for _, x := range e.SentTextLeavesOf(at, nil) {
			if shapes.IsPanicValue(x) || (shapes.IsErrorValue(x) && !e.OwnErrorText(sp.Value.Block(), x)) {
				leaf = x
				break
			}
		}
		if leaf == nil {
			continue
		}
		pos, end := sp.Value.Pos(), token.NoPos
		var expr ast.Expr
		for _, ref := range *sp.Value.Referrers() {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok {
				continue
			}
			for _, r2 := range *fa.Referrers() {
				st, ok := r2.(*ssa.Store)
				if !ok || st.Addr != fa || expr != nil {
					continue
				}
				field := at
				field.Value = st.Val
				if !slices.Contains(e.SentTextLeavesOf(field, nil), leaf) {
					continue
				}
				pos = st.Pos()
				if call, ok := shapes.Strip(st.Val).(*ssa.Call); ok {
					if x := rep.CallAt(call.Pos()); x != nil {
						expr = x
						pos, end = x.Pos(), x.End()
					}
				}
			}
		}
		if !pos.IsValid() || rep.Skip(fn, pos) {
			continue
		}
		rep.Report(analysis.Diagnostic{Pos: pos, End: end, Message: serverMessage(pass.TypesInfo, expr, leaf, sp.Code, nil)})
	}
}

// serverErrorReturns reports echo and fiber handlers that return an
// error carrying a server-error status (a module error's constructor)
// and the text of an error of unknown origin, which the installed error
// handler sends with that status: the server-error rule, at the return.
func (c *checker) serverErrorReturns(e *engine.Engine, rep *report.Reporter, reported map[ssa.Instruction]bool) {
	for _, fn := range e.Funcs {
		for _, sr := range e.ServerErrorReturns(fn) {
			if reported[sr.Instr] {
				continue // a dependency error, reported as such, or reported already
			}
			reported[sr.Instr] = true
			expr := rep.ReturnedError(sr.Instr)
			if expr == nil || rep.Skip(fn, expr.Pos()) {
				continue
			}
			what := "the error"
			if x := uniqueError(rep.Pass.TypesInfo, expr); x != nil {
				what = types.ExprString(x)
			}
			name := "the installed error handler"
			switch {
			case sr.Handler.Name != "" && sr.Handler.Pos != "":
				name = "the error handler " + sr.Handler.Name + " (" + sr.Handler.Pos + ")"
			case sr.Handler.Pos != "":
				name = "the error handler installed at " + sr.Handler.Pos
			}
			rep.Report(analysis.Diagnostic{
				Pos: expr.Pos(), End: expr.End(),
				Message: fmt.Sprintf("error text of %s is returned to %s, which sends it with status %d; internal errors carry details of our dependencies: log it and return an error with a generic message", report.Shorten(what), name, sr.Status),
			})
		}
	}
}

// handlerReturns reports echo and fiber handlers that return a
// dependency error to an error handler that sends its text: fiber's
// default (err.Error() with status 500), or one the program installs.
// The return is where the fix belongs: the handler knows what failed and
// can return an error with a message of its own. It returns the
// instructions it reported.
func (c *checker) handlerReturns(e *engine.Engine, rep *report.Reporter) map[ssa.Instruction]bool {
	reported := make(map[ssa.Instruction]bool)
	for _, fn := range e.Funcs {
		for _, hr := range append(e.HandlerReturns(fn), e.ErrorCalls(fn)...) {
			var at ssa.Instruction = hr.Instr
			if hr.Call != nil {
				at = hr.Call
			}
			if reported[at] || hr.Sink.Covered {
				continue // the error handler sends it with its own 5xx: reported there, where the fix belongs
			}
			if coversPlainText(hr.Handler, hr.Sink) && e.ReturnedStatus(hr.Handler, shapes.Strip(hr.Value)) == 0 {
				// the same, on another path of the handler; an error
				// that carries a status of its own (a constructor's
				// 500) takes the path of that status instead
				continue // the error handler sends it with its own 5xx: reported there, where the fix belongs
			}
			var l labels.Label
			found := false
			for _, x := range hr.Labels {
				if textKind(x.Kind) {
					l, found = x, true
					break
				}
			}
			if !found || allSentinelGuarded(e, at.Block(), hr.Value) || originsGuarded(e, fn, at.Block(), hr.Value, hr.Labels, textKind) {
				continue
			}
			var expr ast.Expr
			verb := "returned to"
			if hr.Call != nil {
				verb = hr.Row.Verb
				if call := rep.CallAt(hr.Call.Pos()); call != nil {
					expr = rep.ArgExpr(call, hr.Call, hr.Row.Arg)
				}
			} else {
				expr = rep.ReturnedError(hr.Instr)
			}
			if expr == nil || rep.Skip(fn, expr.Pos()) {
				continue
			}
			name := hr.Handler.Name
			switch {
			case knowledge.IsErrorMiddleware(hr.Handler.Framework):
				name = "the error middleware " + name
				if name == "the error middleware " {
					name = "an error middleware"
				}
				if hr.Handler.Pos != "" {
					name += " (" + hr.Handler.Pos + ")"
				}
			case hr.Handler.Framework == knowledge.AdapterFramework:
				name = "the adapter " + name
				if hr.Handler.Pos != "" {
					name += " (" + hr.Handler.Pos + ")"
				}
			case hr.Handler.Pos == "":
			case name == "":
				name = "the error handler installed at " + hr.Handler.Pos
			default:
				name = "the error handler " + name + " (" + hr.Handler.Pos + ")"
			}
			status := ""
			if hr.Sink.Status != 0 {
				status = fmt.Sprintf(" with status %d", hr.Sink.Status)
			}
			reported[at] = true
			advice := "return"
			if hr.Call != nil {
				advice = hr.Row.Advice
			}
			rep.Report(analysis.Diagnostic{
				Pos: expr.Pos(), End: expr.End(),
				Message: fmt.Sprintf("dependency error %s is %s %s, which sends its text to the client%s; log it and %s an error with a generic message", report.Shorten(types.ExprString(expr)), verb, name, status, advice),
				Related: rep.Origin(l),
			})
		}
	}
	return reported
}

// coversPlainText reports whether sink sp of error handler h sends the
// error itself or its text, and h sends that text with its own 5xx on
// some path (a Covered sink of the same reads): the handler is the
// finding for the text of the errors returned to it, whatever other
// paths it also sends that text on (an error page rendering the message
// of a 4xx). What it reads of an error of some type (a field of a
// *couchdb.Error) is not covered.
func coversPlainText(h knowledge.InstalledHandler, sp knowledge.SinkParam) bool {
	plain := engine.ErrorTextReads
	if !plain(sp.Reads) {
		return false
	}
	for _, c := range h.Sinks {
		if c.Covered && c.Role == knowledge.RoleBody && plain(c.Reads) {
			return true
		}
	}
	return false
}

// grpcReturns reports gRPC service methods whose returned error carries
// dependency text: grpc-go sends the text of a plain error, and the
// message of a status, to the client. An upstream gRPC error returned
// with its code is passthrough's finding, not this one.
func (c *checker) grpcReturns(e *engine.Engine, rep *report.Reporter) {
	helpers := make(map[*ssa.Function][]helperUse)
	defer c.grpcHelpers(e, rep, helpers)
	built := newBuilders(e)
	defer built.report(e, rep)
	for _, fn := range e.Funcs {
		for _, re := range e.GRPCReturns(fn) {
			if shapes.IsSinkCall(re.Value) {
				continue // an error built by a sink (kratos' errors.InternalServer): reported where it is built
			}
			var l labels.Label
			found := false
			for _, x := range re.Labels {
				if leakingKind(x.Kind) {
					l, found = x, true
					break
				}
			}
			expr := rep.ReturnedError(re.Instr)
			if expr != nil && rep.Skip(fn, expr.Pos()) {
				continue
			}
			guarded := allSentinelGuarded(e, re.Instr.Block(), re.Value) || originsGuarded(e, fn, re.Instr.Block(), re.Value, re.Labels, leakingKind)
			use, ok := statusHelperCall(e, re.Value)
			if use.own {
				continue // the helper sends our own text here
			}
			if ok {
				// The helper sends the text: its finding, once, where the
				// fix belongs (grpchelper.go).
				use.dep = found && !guarded
				use.pos = re.Instr.Pos()
				if expr != nil {
					use.pos = expr.Pos()
				}
				if use.fn != nil {
					helpers[use.fn] = append(helpers[use.fn], use)
					continue
				}
				e.NoteStatusHelperCall(wholeprog.StatusHelperCall{Helper: use.obj, Caller: e.Pkg.Pkg, At: rep.Pass.Fset.Position(use.pos), Code: use.code, Dep: use.dep})
				if _, known := e.ProgramStatusHelper(knowledge.FullName(use.obj), false); known {
					continue // reported in the helper's own package
				}
			}
			if expr != nil && !guarded {
				// phase 1: what a call through an interface returns may be
				// a status its implementation built (builders.go)
				e.NoteBuiltThrough(re.Labels, rep.Pass.Fset.Position(expr.Pos()))
			}
			if found && expr != nil && !guarded {
				if names := builtElsewhere(fn, re.Labels); names != nil && built.take(e, rep, names, expr.Pos()) {
					continue // the status is built, and reported, elsewhere (builders.go)
				}
			}
			var msg string
			switch {
			case found && !guarded:
				msg = "dependency error %s is returned to the gRPC client, which receives its text as the status message; log it and return a status with a generic message"
			case !found:
				if code, leaf := e.ServerCodedText(re.Instr.Block(), re.Value); leaf != nil {
					msg = "error text of %s is sent with gRPC code " + code + "; internal errors carry details of our dependencies: log it and return a status with a generic message"
				}
			}
			if msg == "" || expr == nil {
				continue
			}
			if !found {
				name := "the error"
				if x := uniqueError(rep.Pass.TypesInfo, expr); x != nil {
					name = types.ExprString(x)
				}
				msg = fmt.Sprintf(msg, report.Shorten(name))
			}
			if found {
				msg = fmt.Sprintf(msg, report.Shorten(types.ExprString(expr)))
			}
			rep.Report(analysis.Diagnostic{
				Pos: expr.Pos(), End: expr.End(),
				Message: msg,
				Related: append(rep.Origin(l), rep.Via(re.Via)...),
			})
		}
	}
}

// grpcReplies reports gRPC service methods that answer a failure with a
// reply whose field carries a dependency error's text, and a nil error
// (reply.StatusMsg = err.Error(); return reply, nil): the reply is
// serialized to the client. Only the reply's own fields count: an error
// kept beside each element of a list is a partial success's detail.
func (c *checker) grpcReplies(e *engine.Engine, rep *report.Reporter) {
	for _, fn := range e.Funcs {
		for _, re := range e.GRPCReplies(fn) {
			var found *labels.Label
			for _, l := range re.Labels {
				if leakingKind(l.Kind) && l.Path != "" && !strings.Contains(l.Path, "/") && shapes.Serialized(e.Pkg.Pkg, re.Value.Type(), re.Value, l.Path) {
					l := l
					found = &l
					break
				}
			}
			if found == nil || allSentinelGuarded(e, re.Instr.Block(), re.Value) {
				continue
			}
			carries := func(v ssa.Value) bool {
				_, isCall := v.(*ssa.Call)
				if !isCall || types.Identical(v.Type(), re.Value.Type()) {
					return false
				}
				for _, x := range e.Labels(v) {
					if x.Origin == found.Origin && x.Kind != knowledge.KindParam {
						return true
					}
				}
				return false
			}
			var expr ast.Expr
			if leaf := engine.StoredValue(re.Value, carries); leaf != nil {
				expr = valueExpr(rep, leaf)
			}
			if expr == nil {
				expr = rep.ReturnedValue(re.Instr, 0)
			}
			if expr == nil || rep.Skip(fn, expr.Pos()) {
				continue
			}
			rep.Report(analysis.Diagnostic{
				Pos: expr.Pos(), End: expr.End(),
				Message: fmt.Sprintf("dependency error %s is sent to the client in the reply's %s; log it and send a generic message", report.Shorten(types.ExprString(expr)), found.Path),
				Related: rep.Origin(*found),
			})
		}
	}
}

// textKind reports whether a label of an error returned to an error
// handler makes it leak: an error's text, a stack, a body.
func textKind(k knowledge.Kind) bool {
	switch k {
	case knowledge.KindErrText, knowledge.KindStack, knowledge.KindBody:
		return true
	}
	return false
}

// leakingKind reports whether a label of a gRPC service method's
// returned error makes it leak (knowledge.Kind.Leaks).
func leakingKind(k knowledge.Kind) bool { return k.Leaks() }

// classify decides what, if anything, a body sink leaks.
func (c *checker) classify(e *engine.Engine, ev engine.SinkEvent) (leakKind, labels.Label) {
	best, bestLabel := leakNone, labels.Label{}
	consider := func(k leakKind, l labels.Label) {
		if k > best {
			best, bestLabel = k, l
		}
	}
	block := ev.Instr.Block()
	var errGuarded *bool
	encodes := !shapes.IsFmtCall(ev.Instr)
	for _, l := range ev.Labels {
		if encodes && !shapes.Serialized(e.Pkg.Pkg, ev.Value.Type(), ev.Value, l.Path) {
			continue // kept in a field an encoder never writes (unexported, json:"-")
		}
		switch l.Kind {
		case knowledge.KindStack:
			consider(leakStack, l)
		case knowledge.KindDepError, knowledge.KindErrText, knowledge.KindGRPCError, knowledge.KindGRPCStatus:
			if errGuarded == nil {
				g := allSentinelGuarded(e, block, ev.Value)
				errGuarded = &g
			}
			if !*errGuarded {
				consider(leakErr, l)
			}
		case knowledge.KindURL:
			// The URL of an outbound request is internal detail when it
			// explains a failure; on the success path (the final URL of a
			// fetch the client asked for) it is data.
			if e.AfterUpstreamFailure(block) {
				consider(leakURL, l)
			}
		case knowledge.KindBody:
			// Upstream content written in a branch where the upstream
			// failed is its error body; in a success branch it is data.
			// Writing it whole with the status of the same response, on
			// one path, makes a proxy; inside a payload of ours it is not.
			if (e.InFailureBranch(block, l.Origin) || ev.OnFailure) && !(l.Path == "" && e.ForwardedOnPath(ev, knowledge.RoleStatus, l.Origin)) {
				consider(leakBody, l)
			}
		}
	}
	return best, bestLabel
}

// allSentinelGuarded reports whether every error that v carries is
// known, where the sink runs, to be one of our sentinel errors or nil.
func allSentinelGuarded(e *engine.Engine, b *ssa.BasicBlock, v ssa.Value) bool {
	return allGuarded(e, b, errorRoots(v))
}

// originsGuarded reports whether every label of ls of a leaking kind
// comes from a call of fn whose error result v, returned as or made into
// v (through calls, conversions and the fields of a literal), is, where
// b runs, our sentinel (errors.Is(err, ErrNotFound)): the value made from
// it, however wrapped (jsonapi.NotFound(err), fmt.Errorf("…: %w", err)),
// carries the sentinel's text, as err itself does (allSentinelGuarded).
func originsGuarded(e *engine.Engine, fn *ssa.Function, b *ssa.BasicBlock, v ssa.Value, ls labels.Labels, leaking func(knowledge.Kind) bool) bool {
	var errs []ssa.Value
	for _, l := range ls {
		if !leaking(l.Kind) {
			continue
		}
		x := originError(fn, l.Origin, v)
		if x == nil {
			return false
		}
		errs = append(errs, x)
	}
	return allGuarded(e, b, errs)
}

// originError returns the error result of the call of fn at pos (or of
// a call of a function of the package whose body holds pos) that v is
// made from; or nil.
func originError(fn *ssa.Function, pos token.Pos, v ssa.Value) ssa.Value {
	if !pos.IsValid() {
		return nil
	}
	holds := func(call *ssa.Call) bool {
		if call.Pos() == pos {
			return true
		}
		callee := call.Common().StaticCallee()
		if callee == nil || callee.Pkg != fn.Pkg || callee.Syntax() == nil {
			return false
		}
		return callee.Syntax().Pos() <= pos && pos < callee.Syntax().End()
	}
	from := madeFrom(v)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok || !holds(call) {
				continue
			}
			var errv ssa.Value
			if _, tuple := call.Type().(*types.Tuple); !tuple {
				if shapes.IsErrorValue(call) {
					errv = call
				}
			} else {
				for _, ref := range *call.Referrers() {
					if x, ok := ref.(*ssa.Extract); ok && shapes.IsErrorValue(x) {
						errv = x
					}
				}
			}
			if errv != nil && from[errv] {
				return errv
			}
		}
	}
	return nil
}

// maxMadeFrom bounds the values madeFrom visits.
const maxMadeFrom = 256

// madeFrom returns the values v is made of: v, the operands of the
// instructions that compute it, and the values stored into the fields
// of a literal it points to, transitively (at most maxMadeFrom).
func madeFrom(v ssa.Value) map[ssa.Value]bool {
	seen := make(map[ssa.Value]bool)
	stack := []ssa.Value{v}
	for len(stack) > 0 && len(seen) < maxMadeFrom {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x == nil || seen[x] {
			continue
		}
		seen[x] = true
		if alloc, ok := x.(*ssa.Alloc); ok {
			for _, ref := range *alloc.Referrers() {
				fa, ok := ref.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				for _, r2 := range *fa.Referrers() {
					if st, ok := r2.(*ssa.Store); ok && st.Addr == fa {
						stack = append(stack, st.Val)
					}
				}
			}
			continue
		}
		instr, ok := x.(ssa.Instruction)
		if !ok {
			continue
		}
		for _, op := range instr.Operands(nil) {
			if op != nil && *op != nil {
				stack = append(stack, *op)
			}
		}
	}
	return seen
}

// allGuarded reports whether there are errors and each is, where b
// runs, our sentinel, or a value known to be nil (or another constant)
// where it is written: no dependency text either way.
func allGuarded(e *engine.Engine, b *ssa.BasicBlock, errs []ssa.Value) bool {
	if len(errs) == 0 {
		return false
	}
	for _, r := range errs {
		if !shapes.SentinelGuarded(b, r) && !shapes.NarrowedToConstants(b, r) && !e.OwnTypeGuarded(b, r) {
			return false
		}
	}
	return true
}

// errorRoots returns the error values an argument is made of: the
// receiver of err.Error(), or the elements of a variadic slice.
func errorRoots(v ssa.Value) []ssa.Value {
	return errorRootsOf(v, make(map[ssa.Value]bool))
}

// errorRootsOf is errorRoots with the values already visited: a payload
// may hold itself (the named result of a function with a defer is
// stored back into its own cell, v = *v), so the walk through
// payloadValues must not come back to a value (see analyzer's walk rule
// in analyzer/engine/engine.go).
func errorRootsOf(v ssa.Value, seen map[ssa.Value]bool) []ssa.Value {
	if c, ok := v.(*ssa.Convert); ok {
		v = c.X // []byte(msg)
	}
	if seen[v] {
		return nil
	}
	seen[v] = true
	if sl, ok := v.(*ssa.Slice); ok {
		if alloc, ok := sl.X.(*ssa.Alloc); ok {
			var out []ssa.Value
			for _, ref := range *alloc.Referrers() {
				ia, ok := ref.(*ssa.IndexAddr)
				if !ok {
					continue
				}
				for _, r2 := range *ia.Referrers() {
					if st, ok := r2.(*ssa.Store); ok && isErrorish(st.Val) {
						out = append(out, shapes.ErrorRoot(st.Val))
					}
				}
			}
			return out
		}
	}
	if call, ok := v.(*ssa.Call); ok {
		// a new error or text made from others: status.Errorf(code, "…%v", err)
		if obj := call.Common().StaticCallee(); obj != nil && obj.Pkg != nil {
			if knowledge.ErrorBuilders[obj.Pkg.Pkg.Path()] {
				var out []ssa.Value
				for _, a := range call.Common().Args {
					if isErrorish(a) {
						out = append(out, shapes.ErrorRoot(a))
					} else if sl, ok := a.(*ssa.Slice); ok {
						out = append(out, errorRootsOf(sl, seen)...)
					}
				}
				return out
			}
		}
	}
	if inner := payloadValues(v, 0); len(inner) > 0 {
		var out []ssa.Value
		for _, x := range inner {
			if _, ok := stripIfaceLoad(x).(*ssa.Const); ok {
				continue // "success": false carries no error
			}
			out = append(out, errorRootsOf(x, seen)...)
		}
		return out
	}
	return []ssa.Value{shapes.ErrorRoot(v)}
}

// payloadValues returns the values stored into a map or struct literal
// (gin.H{"error": err.Error()}), through interface conversions and loads.
func payloadValues(v ssa.Value, depth int) []ssa.Value {
	if depth > 3 {
		return nil
	}
	v = stripIfaceLoad(v)
	var out []ssa.Value
	switch x := v.(type) {
	case *ssa.MakeMap:
		for _, ref := range *x.Referrers() {
			if u, ok := ref.(*ssa.MapUpdate); ok && u.Map == x {
				out = append(out, u.Value)
			}
		}
	case *ssa.Alloc:
		for _, ref := range *x.Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == x {
				// &map[string]any{…}: the literal stored into a new cell
				if inner := payloadValues(st.Val, depth+1); len(inner) > 0 {
					out = append(out, inner...)
				} else {
					out = append(out, st.Val)
				}
			}
			if fa, ok := ref.(*ssa.FieldAddr); ok {
				for _, r2 := range *fa.Referrers() {
					if st, ok := r2.(*ssa.Store); ok && st.Addr == fa {
						out = append(out, st.Val)
					}
				}
			}
		}
	}
	return out
}

func stripIfaceLoad(v ssa.Value) ssa.Value {
	for i := 0; i < 6; i++ {
		v = shapes.Strip(v)
		u, ok := v.(*ssa.UnOp)
		if !ok || u.Op != token.MUL {
			return v
		}
		v = u.X
	}
	return v
}

func isErrorish(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	return types.Implements(v.Type(), shapes.ErrorInterface) || isStringCallOfError(v)
}

func isStringCallOfError(v ssa.Value) bool {
	return shapes.ErrorRoot(v) != v
}

func message(kind leakKind, expr ast.Expr, via *types.Func) string {
	what := ""
	if expr != nil {
		what = " " + report.Shorten(types.ExprString(expr))
	}
	by := ""
	if via != nil {
		by = " by " + via.Name()
	}
	switch kind {
	case leakStack:
		return fmt.Sprintf("stack trace%s is sent to the client%s; log it instead", what, by)
	case leakURL:
		return fmt.Sprintf("outbound request URL%s is sent to the client%s; keep internal addresses out of responses", what, by)
	case leakBody:
		return fmt.Sprintf("upstream error body%s is sent to the client%s; answer with a message of this service", what, by)
	}
	return fmt.Sprintf("dependency error%s is sent to the client%s; log it and send a generic message", what, by)
}

// leakExpr returns the syntax of the leaking argument: the argument
// itself, or for a variadic sink (fmt.Fprintf) the first variadic
// argument that carries an error or a stack.
func leakExpr(info *types.Info, rep *report.Reporter, call *ast.CallExpr, ev engine.SinkEvent) ast.Expr {
	if call == nil {
		return nil
	}
	if ev.Arg < 0 {
		// not an argument: what a ServedMap call serves
		// (c.Data["json"] = wrapActionResponse(…); c.ServeJSON())
		return valueExpr(rep, shapes.Strip(ev.Value))
	}
	if x := rep.ArgExpr(call, ev.Instr, ev.Arg); x != nil {
		return x
	}
	// The variadic arguments: the syntactic index of the variadic
	// parameter is its index in the signature (x.M(…) and f(…) alike).
	sig := ev.Instr.Common().Signature()
	first := sig.Params().Len() - 1
	if sig.Variadic() && len(call.Args) > first && first >= 0 {
		for _, a := range call.Args[first:] {
			if t := info.TypeOf(a); t != nil && (types.Implements(t, shapes.ErrorInterface) || containsErrorCall(info, a)) {
				return a
			}
		}
		return call.Args[first]
	}
	return nil
}

func containsErrorCall(info *types.Info, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := errorCallReceiver(info, n); ok && x != nil {
			found = true
		}
		return !found
	})
	return found
}

// errorCallReceiver matches X.Error() with X an error and returns X.
func errorCallReceiver(info *types.Info, n ast.Node) (ast.Expr, bool) {
	c, ok := n.(*ast.CallExpr)
	if !ok || len(c.Args) != 0 {
		return nil, false
	}
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Error" {
		return nil, false
	}
	t := info.TypeOf(sel.X)
	if t == nil || !types.Implements(t, shapes.ErrorInterface) {
		return nil, false
	}
	return sel.X, true
}

// internalError returns an error whose text the body of ev carries and
// that is not provably ours (a sentinel, a constant, the client's own
// input): sent with a server-error status, it is internal detail. The
// error parameter of the function the event is in counts when the
// engine saw its text reach the body in ways the syntax walk does not
// follow (a builder's field, a helper's payload).
func internalError(e *engine.Engine, ev engine.SinkEvent) ssa.Value {
	b := ev.Instr.Block()
	for _, leaf := range e.SentTextLeavesOf(ev, nil) {
		if shapes.IsPanicValue(leaf) || (shapes.IsErrorValue(leaf) && !e.OwnErrorText(b, leaf)) {
			return leaf
		}
	}
	fn := ev.Instr.Parent()
	encodes := !shapes.IsFmtCall(ev.Instr)
	for _, l := range ev.Labels {
		if encodes && !shapes.Serialized(e.Pkg.Pkg, ev.Value.Type(), ev.Value, l.Path) {
			continue // kept in a field an encoder never writes (an embedded error, json:"-")
		}
		if e.SendsOwnErrorParam(fn, ev, l) {
			return fn.Params[l.Param]
		}
	}
	return nil
}

// coveredByHelper reports whether ev is a call of a helper of the
// analysed module that sends the text of its error parameter with a
// server-error status of its own: the finding is the helper's, where the
// fix belongs, and its callers are not reported again for it.
func coveredByHelper(pass *analysis.Pass, ev engine.SinkEvent) bool {
	return ev.Covered && ev.Via != nil && ev.Via.Pkg() != nil && sameModule(pass, ev.Via.Pkg().Path())
}

// sameModule reports whether the package path belongs to the module
// being analysed. Hosts that give no module (GOPATH mode, some build
// systems) get the usual module root of the path instead: three
// elements on the big forges, two on other domains, else the first.
func sameModule(pass *analysis.Pass, path string) bool {
	if path == pass.Pkg.Path() {
		return true
	}
	m := ""
	if pass.Module != nil {
		m = pass.Module.Path
	}
	if m == "" {
		m = moduleRoot(pass.Pkg.Path())
	}
	return path == m || strings.HasPrefix(path, m+"/")
}

func moduleRoot(path string) string {
	elems := strings.Split(path, "/")
	n := 1
	switch {
	case elems[0] == "github.com" || elems[0] == "gitlab.com" || elems[0] == "bitbucket.org":
		n = 3
	case strings.Contains(elems[0], "."):
		n = 2
	}
	if n > len(elems) {
		n = len(elems)
	}
	return strings.Join(elems[:n], "/")
}

// serverMessage words a finding of the server-error status rule.
func serverMessage(info *types.Info, expr ast.Expr, internal ssa.Value, code int, via *types.Func) string {
	what := "of the error"
	if p, ok := internal.(*ssa.Parameter); ok {
		what = "of " + p.Name() // the helper's own error parameter
	} else if expr != nil {
		x := expr
		if _, e := fixTarget(info, expr); e != nil {
			x = e
		} else if e := uniqueError(info, expr); e != nil {
			x = e
		}
		if r, ok := errorCallReceiver(info, x); ok {
			x = r
		}
		what = "of " + report.Shorten(types.ExprString(x))
		if t := info.TypeOf(x); t == nil || !types.Implements(t, shapes.ErrorInterface) {
			what = "in " + report.Shorten(types.ExprString(x)) // a payload the error is put into
		}
	}
	by := ""
	if via != nil {
		by = " by " + via.Name()
	}
	return fmt.Sprintf("error text %s is sent with status %d%s; internal errors carry details of our dependencies: log it and send a generic message", what, code, by)
}
