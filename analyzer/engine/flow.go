package engine

import (
	"go/constant"
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
)

// Control-flow questions about where a sink executes. Both walk the
// dominator tree from the sink's block: a block that is the only
// successor an If reaches it through executes only when that If went
// that way.

// InFailureBranch reports whether b executes only when the upstream
// call with the given origin failed: a test of its status
// (resp.StatusCode >= 400, != http.StatusOK, /100 != 2) or of its error
// (err != nil), alone or joined by ||, decided it.
func (e *Engine) InFailureBranch(b *ssa.BasicBlock, origin token.Pos) bool {
	return shapes.GuardedByAllPreds(b, func(cond ssa.Value, succ int) bool {
		return e.failureEdge(cond, succ, func(l labels.Label) bool { return l.Origin == origin })
	})
}

// AfterUpstreamFailure reports whether b executes only after some
// upstream call failed: err != nil for a dependency error, or a failing
// upstream status, decided it.
func (e *Engine) AfterUpstreamFailure(b *ssa.BasicBlock) bool {
	return shapes.GuardedByAllPreds(b, func(cond ssa.Value, succ int) bool {
		return e.failureEdge(cond, succ, func(labels.Label) bool { return true })
	})
}

// failureEdge reports whether taking successor succ of an If on cond
// means that an upstream call (one whose labels match) failed.
func (e *Engine) failureEdge(cond ssa.Value, succ int, match func(labels.Label) bool) bool {
	if call, ok := cond.(*ssa.Call); ok {
		return e.failureCheck(call, succ, match)
	}
	bin, ok := cond.(*ssa.BinOp)
	if !ok {
		return false
	}
	for _, side := range []ssa.Value{bin.X, bin.Y} {
		for _, l := range e.Labels(side) {
			if l.Path != "" || !match(l) {
				continue
			}
			switch l.Kind {
			case knowledge.KindDepError, knowledge.KindGRPCError:
				if _, isConst := shapes.OtherSide(bin, side).(*ssa.Const); isConst && (bin.Op == token.NEQ && succ == 0 || bin.Op == token.EQL && succ == 1) {
					return true
				}
			case knowledge.KindStatus:
				if fs, ok := e.failureSucc(bin, l.Origin); ok && fs == succ {
					return true
				}
			}
		}
	}
	return false
}

// failureCheck reports whether taking successor succ of an If on a call
// of an HTTP response's own check (resp.IsError(), resp.IsSuccess():
// knowledge.ResponseFailureChecks) means that the upstream call failed.
func (e *Engine) failureCheck(call *ssa.Call, succ int, match func(labels.Label) bool) bool {
	obj, _ := shapes.Callee(call.Common())
	if obj == nil || obj.Signature().Recv() == nil || !shapes.HTTPResponseType(obj.Signature().Recv().Type()) {
		return false
	}
	onFailure, ok := knowledge.ResponseFailureChecks[obj.Name()]
	if !ok || (onFailure && succ != 0) || (!onFailure && succ != 1) {
		return false
	}
	args := shapes.CallArgs(call.Common())
	if len(args) == 0 {
		return false
	}
	for _, l := range e.Labels(args[0]) {
		if l.Kind == knowledge.KindResponse && l.Path == "" && match(l) {
			return true
		}
	}
	return false
}

// failureSucc says which successor of an If on cond is taken when the
// upstream status fails.
func (e *Engine) failureSucc(cond ssa.Value, origin token.Pos) (int, bool) {
	return e.failureSuccOf(cond, func(v ssa.Value) bool { return e.hasStatus(v, origin) })
}

// failureSuccOf is failureSucc for the status values isStatus accepts.
func (e *Engine) failureSuccOf(cond ssa.Value, isStatus func(ssa.Value) bool) (int, bool) {
	bin, ok := cond.(*ssa.BinOp)
	if !ok {
		return 0, false
	}
	op := bin.Op
	x, y := bin.X, bin.Y
	c, isConst := y.(*ssa.Const)
	if !isConst {
		c, isConst = x.(*ssa.Const)
		x = y
		op = shapes.Flip(op)
	}
	if !isConst || c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	n, ok := constant.Int64Val(c.Value)
	if !ok {
		return 0, false
	}
	// status/100 compared with a class
	if q, ok := x.(*ssa.BinOp); ok && q.Op == token.QUO {
		if d, ok := q.Y.(*ssa.Const); ok && d.Value != nil && d.Value.Kind() == constant.Int {
			if dv, _ := constant.Int64Val(d.Value); dv == 100 {
				x, n = q.X, n*100
				switch op {
				case token.GTR, token.LEQ:
					n += 99
				case token.EQL, token.NEQ:
					// class 2 ≡ 200..299: compare as ranges below
				}
			}
		}
	}
	if !isStatus(x) {
		return 0, false
	}
	ok2xx := n >= 200 && n < 300
	switch op {
	case token.GEQ, token.GTR:
		if op == token.GTR {
			n++
		}
		if n >= 300 {
			return 0, true
		}
		if n <= 200 {
			return 1, true
		}
	case token.LSS, token.LEQ:
		if op == token.LEQ {
			n++
		}
		if n <= 200 {
			return 0, true
		}
		if n >= 300 {
			return 1, true
		}
	case token.EQL:
		if ok2xx {
			return 1, true
		}
		return 0, true
	case token.NEQ:
		if ok2xx {
			return 0, true
		}
		return 1, true
	}
	return 0, false
}

func (e *Engine) hasStatus(v ssa.Value, origin token.Pos) bool {
	for _, l := range e.Labels(v) {
		if l.Kind == knowledge.KindStatus && l.Path == "" && l.Origin == origin {
			return true
		}
	}
	return false
}

// InParamFailureBranch reports whether b executes only when the status
// of response parameter param of its function failed: a helper that
// takes the upstream response (Handle_request_error(c, resp)) and tests
// resp.StatusCode itself. Its body writes there are the upstream's error
// body, at every call.
func (e *Engine) InParamFailureBranch(b *ssa.BasicBlock, param int) bool {
	isStatus := func(v ssa.Value) bool {
		for _, l := range e.Labels(v) {
			if l.Kind == knowledge.KindParam && l.Param == param && l.Path == "" && l.Reads != "" && shapes.HasLastStep(l.Reads, "StatusCode") && !strings.Contains(l.Reads, "/") {
				return true
			}
		}
		return false
	}
	return shapes.GuardedByAllPreds(b, func(cond ssa.Value, succ int) bool {
		fs, ok := e.failureSuccOf(cond, isStatus)
		return ok && fs == succ
	})
}
