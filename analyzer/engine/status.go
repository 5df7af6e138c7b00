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
	if l.Reads != "" && l.Reads != knowledge.OpText && !strings.HasPrefix(l.Reads, knowledge.OpText+"/") {
		return false // a field of the parameter, not its text
	}
	p := fn.Params[l.Param]
	return shapes.IsErrorValue(p) && !e.OwnErrorText(ev.Instr.Block(), p)
}
