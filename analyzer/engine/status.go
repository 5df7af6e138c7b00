package engine

import (
	"go/constant"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
)

// The status a body is sent with. The leak check's server-error rule
// needs it (an error's text sent with a 5xx status is internal), and so
// do helper summaries: a helper that sends its error parameter with a
// 5xx of its own is where the fix belongs, and one that drops the text
// when its status parameter is a server error protects its callers.

// A SentStatus is what is known of the status of a body sink.
type SentStatus struct {
	// Code is the status, when it is a constant on every path (a phi of
	// constants of one class gives its first), else 0.
	Code int
	// Param is 1 + the index of the parameter of the enclosing function
	// that the status is, else 0.
	Param int
	// Instr is the call that sets the status (the body's own call, or a
	// status write that runs before it on every path); Arg its argument
	// holding the status, or -1 when a helper sets it itself.
	Instr ssa.CallInstruction
	Arg   int
	// Default is set when Code is the status for errors that are not a
	// framework's own (code := 500; if errors.As(err, &fe) { code =
	// fe.Code }): the other path sends the framework error's code.
	Default bool
}

// BodyStatus returns the status a body event is sent with: the status
// argument of the same call, the status a helper sends with it, or the
// last status write that dominates it (w.WriteHeader(503) before
// fmt.Fprint(w, err), c.Status(500).JSON(…)).
func (e *Engine) BodyStatus(ev SinkEvent) SentStatus {
	if ev.HelperStatus != 0 {
		return SentStatus{Code: ev.HelperStatus, Instr: ev.Instr, Arg: -1}
	}
	fn := ev.Instr.Parent()
	var best *SinkEvent
	evs := e.Events(fn)
	for i := range evs {
		s := &evs[i]
		if s.Role != knowledge.RoleStatus || (s.Partial && !shapes.FieldStep(s.Reads)) {
			continue
		}
		if s.Instr == ev.Instr {
			return e.statusOf(s)
		}
		if shapes.DominatesInstr(s.Instr, ev.Instr) && (best == nil || shapes.DominatesInstr(best.Instr, s.Instr)) {
			best = s
		}
	}
	if best == nil {
		return SentStatus{}
	}
	return e.statusOf(best)
}

func (e *Engine) statusOf(s *SinkEvent) SentStatus {
	out := SentStatus{Instr: s.Instr, Arg: s.Arg}
	if s.Partial {
		// a helper that writes a field of its argument: a builder's
		// status, set by the chained setters that made the argument
		out.Arg = -1
		out.Code = e.fieldConst(s.Value, s.Reads, 0)
		return out
	}
	v := shapes.Strip(s.Value)
	if p, ok := v.(*ssa.Parameter); ok {
		for i, q := range p.Parent().Params {
			if q == p {
				out.Param = i + 1
			}
		}
		return out
	}
	out.Code = shapes.ConstStatus(v, 0)
	if phi, ok := v.(*ssa.Phi); ok && out.Code != 0 {
		out.Default = slices.ContainsFunc(phi.Edges, shapes.FrameworkErrorCode)
	}
	return out
}

// serverStatusEdges returns the edges of fn that can be taken when its
// parameter p holds a server-error status: an If that compares p with
// a constant is decided for every status from 500 to 599, and blocks
// only its other edge reaches are not reached.
func serverStatusEdges(fn *ssa.Function, p *ssa.Parameter) EdgeFilter {
	decided := func(pred *ssa.BasicBlock) (int, bool) { // the successor taken
		ifi, ok := pred.Instrs[len(pred.Instrs)-1].(*ssa.If)
		if !ok {
			return 0, false
		}
		bin, ok := ifi.Cond.(*ssa.BinOp)
		if !ok {
			return 0, false
		}
		op, x, y := bin.Op, shapes.Strip(bin.X), shapes.Strip(bin.Y)
		if y == p {
			x, y, op = y, x, shapes.Flip(op)
		}
		c, ok := y.(*ssa.Const)
		if x != p || !ok || c.Value == nil || c.Value.Kind() != constant.Int {
			return 0, false
		}
		n, ok := constant.Int64Val(c.Value)
		if !ok {
			return 0, false
		}
		lo, hi := shapes.Holds(op, n, 500), shapes.Holds(op, n, 599)
		if lo != hi {
			return 0, false
		}
		if op == token.EQL || op == token.NEQ {
			// one value: decided only when it lies outside the range
			if n >= 500 && n <= 599 {
				return 0, false
			}
		}
		if lo {
			return 0, true
		}
		return 1, true
	}
	edgeOK := func(pred, b *ssa.BasicBlock) bool {
		taken, ok := decided(pred)
		return !ok || pred.Succs[taken] == b
	}
	reached := make([]bool, len(fn.Blocks))
	if len(fn.Blocks) > 0 {
		work := []*ssa.BasicBlock{fn.Blocks[0]}
		reached[0] = true
		for len(work) > 0 {
			b := work[len(work)-1]
			work = work[:len(work)-1]
			for _, s := range b.Succs {
				if s.Index >= 0 && s.Index < len(reached) && !reached[s.Index] && edgeOK(b, s) {
					reached[s.Index] = true
					work = append(work, s)
				}
			}
		}
	}
	return func(pred, b *ssa.BasicBlock) bool {
		return pred.Index >= 0 && pred.Index < len(reached) && reached[pred.Index] && edgeOK(pred, b)
	}
}

// dropsTextOnServerError reports whether the body event ev of helper fn
// carries parameter param in general but not when the status parameter
// status holds a server error: the helper logs the details and sends a
// generic message for 5xx (if status >= 500 { msg = "internal error" }).
func dropsTextOnServerError(fn *ssa.Function, ev SinkEvent, param, status int) bool {
	if param < 0 || param >= len(fn.Params) || status < 0 || status >= len(fn.Params) {
		return false
	}
	carries := func(edge EdgeFilter) bool { return carriesParam(fn, ev, param, edge) }
	if !carries(nil) {
		return false // the parameter reaches the sink in a way the walk does not see
	}
	edges := serverStatusEdges(fn, fn.Params[status])
	b := ev.Instr.Block()
	reached := b.Index == 0
	for _, pred := range b.Preds {
		reached = reached || edges(pred, b)
	}
	return !reached || !carries(edges)
}

// carriesParam reports whether the body of event ev shows parameter
// param of fn, along the edges edge allows.
func carriesParam(fn *ssa.Function, ev SinkEvent, param int, edge EdgeFilter) bool {
	if param < 0 || param >= len(fn.Params) {
		return false
	}
	for _, leaf := range SentTextLeaves(ev, edge) {
		if leaf == fn.Params[param] {
			return true
		}
	}
	return false
}

// SendsOwnErrorParam reports whether the body of ev, in fn, shows the
// text (or the value) of fn's error parameter that label l says it
// carries, unguarded: with a server-error status of fn's own, the leak
// check reports that write in fn.
func (e *Engine) SendsOwnErrorParam(fn *ssa.Function, ev SinkEvent, l labels.Label) bool {
	if l.Kind != knowledge.KindParam || l.Owner != fn || l.Param < 0 || l.Param >= len(fn.Params) {
		return false
	}
	if !ErrorTextReads(l.Reads) {
		return false // a field of the parameter, not its text
	}
	p := fn.Params[l.Param]
	return shapes.IsErrorValue(p) && !e.OwnErrorText(ev.Instr.Block(), p)
}

// A ServerPath is a value a body holds on the paths where its status is
// a constant server error, Code.
type ServerPath struct {
	Value *ssa.Alloc
	Code  int
}

// ServerPaths returns, for a body event whose status is a field of the
// body's own value (a helper given the envelope, writeError(c, je)
// writing je.Status and je), the envelopes the function builds on the
// paths where that field is a constant server error: the error handler's
// je = &jsonapi.Error{Status: 500, Detail: err.Error()} on one branch of
// a phi whose other branches carry the 404 of a not-found error or the
// code of an error of the framework. The status of the whole event is no
// constant; the text sent on those paths is sent with that 5xx.
func (e *Engine) ServerPaths(ev SinkEvent) []ServerPath {
	if ev.Role != knowledge.RoleBody || ev.Value == nil {
		return nil
	}
	fn := ev.Instr.Parent()
	var field string
	for _, s := range e.Events(fn) {
		if s.Role == knowledge.RoleStatus && s.Instr == ev.Instr && s.Partial && shapes.FieldStep(s.Reads) && shapes.Strip(s.Value) == shapes.Strip(ev.Value) {
			field = s.Reads
			break
		}
	}
	if field == "" {
		return nil
	}
	var out []ServerPath
	seen := make(map[ssa.Value]bool)
	var walk func(v ssa.Value)
	walk = func(v ssa.Value) {
		v = shapes.Strip(v)
		if seen[v] || len(seen) > shapes.MaxTextWalk {
			return
		}
		seen[v] = true
		switch x := v.(type) {
		case *ssa.Phi:
			for _, ed := range x.Edges {
				walk(ed)
			}
		case *ssa.Alloc:
			if x.Parent() != fn {
				return
			}
			if code := allocFieldConst(x, field); shapes.ServerError(code) {
				out = append(out, ServerPath{Value: x, Code: code})
			}
		}
	}
	walk(ev.Value)
	return out
}

// allocFieldConst returns the constant status stored into the field of
// an allocated struct (&apiError{Status: 500, …}), or 0 when the field
// is not set to one constant.
func allocFieldConst(a *ssa.Alloc, field string) int {
	code := 0
	for _, ref := range *a.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != a || shapes.FieldName(a.Type(), fa.Field, true) != field {
			continue
		}
		for _, r2 := range *fa.Referrers() {
			st, ok := r2.(*ssa.Store)
			if !ok || st.Addr != fa {
				continue
			}
			c := shapes.ConstStatus(st.Val, 0)
			if c == 0 || (code != 0 && c != code) {
				return 0
			}
			code = c
		}
	}
	return code
}

// ServerPathSendsParam reports whether a server path of ev (ServerPaths)
// carries the text of the error parameter of l, not provably ours there:
// the function sends that error's text with its own 5xx.
func (e *Engine) ServerPathSendsParam(ev SinkEvent, l labels.Label) bool {
	fn := ev.Instr.Parent()
	if l.Kind != knowledge.KindParam || l.Owner != fn || l.Param < 0 || l.Param >= len(fn.Params) {
		return false
	}
	if !ErrorTextReads(l.Reads) {
		return false
	}
	p := fn.Params[l.Param]
	if !shapes.IsErrorValue(p) {
		return false
	}
	for _, sp := range e.ServerPaths(ev) {
		if e.OwnErrorText(sp.Value.Block(), p) {
			continue
		}
		for _, pl := range e.Labels(sp.Value) {
			if pl.Kind == knowledge.KindParam && pl.Owner == fn && pl.Param == l.Param && (pl.Reads == knowledge.OpText || strings.HasPrefix(pl.Reads, knowledge.OpText+"/")) {
				return true
			}
		}
	}
	return false
}

// ErrorTextReads reports whether reads, what a function reads of an
// error parameter before sending it, is the error itself or its text,
// maybe wrapped into errors of its own first (fmt.Errorf("%s: %w",
// prefix, err), then its text), rather than a field of it. Unlike
// keepsText, steps after the text (a slice of it) still send it.
func ErrorTextReads(reads string) bool {
	for reads != "" {
		step, rest := labels.SplitFirst(reads)
		switch step {
		case knowledge.OpText:
			return true
		case knowledge.OpWrap, knowledge.OpWrapText:
			reads = rest
		default:
			return false
		}
	}
	return true
}
