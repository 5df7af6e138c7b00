package leak

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/engine"
	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/report"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
)

// typedResponses reports the typed responses of generated servers
// (engine.TypedResponses) that carry a dependency error's text, or any
// error's text with a server-error status: where the handler builds the
// response, since the generated code that writes it is not the user's.
func (c *checker) typedResponses(pass *analysis.Pass, e *engine.Engine, rep *report.Reporter) {
	reported := make(map[token.Pos]bool)
	for _, fn := range e.Funcs {
		for _, tr := range e.TypedResponses(fn) {
			for _, sp := range tr.Sinks {
				if sp.Role != knowledge.RoleBody {
					continue
				}
				c.typedBody(pass, e, rep, fn, tr, sp, reported)
			}
		}
	}
}

func (c *checker) typedBody(pass *analysis.Pass, e *engine.Engine, rep *report.Reporter, fn *ssa.Function, tr engine.TypedResponse, sp knowledge.SinkParam, reported map[token.Pos]bool) {
	block := tr.Conv.Block()
	status := e.TypedStatus(tr, sp)
	var found *labels.Label
	for _, l := range e.SinkLabels(tr, sp) {
		switch l.Kind {
		case knowledge.KindDepError, knowledge.KindErrText, knowledge.KindGRPCError, knowledge.KindGRPCStatus, knowledge.KindStack:
		case knowledge.KindBody:
			if !e.InFailureBranch(block, l.Origin) || (l.Path == "" && e.StatusForwarded(tr, l.Origin)) {
				continue // data, or a proxy's answer: the upstream's body with its status
			}
		default:
			continue
		}
		if t := fieldType(tr.Value.Type(), sp.Reads); t != nil && !shapes.Serialized(e.Pkg.Pkg, t, tr.Value, l.Path) {
			continue // a field the encoder never writes
		}
		l := l
		found = &l
		break
	}
	var leaf ssa.Value // the value that carries the text
	if found != nil {
		carries := func(v ssa.Value, whole bool) bool {
			for _, x := range e.Labels(v) {
				if x.Origin == found.Origin && (x.Path == "" || !whole) && x.Kind != knowledge.KindParam {
					return true
				}
			}
			return false
		}
		// the part that carries the upstream's value whole: the error, or
		// its text formatted into a message
		errLeaf := engine.StoredValue(tr.Value, func(v ssa.Value) bool { return carries(v, true) })
		if errLeaf != nil && (allSentinelGuarded(e, block, errLeaf) || leavesGuarded(e, block, errLeaf)) {
			return // errors.Is(err, gorm.ErrRecordNotFound) decided it: the sentinel's own text
		}
		// for the message, the outermost call of the handler's that
		// carries it (message("…: %s", err), err.Error()), not the
		// response's own constructors
		leaf = engine.StoredValue(tr.Value, func(v ssa.Value) bool {
			call, ok := v.(*ssa.Call)
			return ok && v != tr.Value && !types.Identical(v.Type(), tr.Value.Type()) && carries(v, false) && valueExpr(rep, call) != nil
		})
		if leaf == nil {
			leaf = errLeaf
		}
	} else if shapes.ServerError(status) {
		stored := engine.StoredValues(tr.Value)
	search:
		for _, sv := range stored {
			for _, l := range e.TextLeavesOf(sv, nil) {
				if shapes.IsErrorValue(l) && !e.OwnErrorText(block, l) {
					leaf = sv
					// name the part that gives its text (err.Error()), not
					// the builder that holds it
					for _, x := range stored {
						if _, ok := x.(*ssa.Call); ok && x != l && shapes.ErrorRoot(x) == l {
							leaf = x
						}
					}
					break search
				}
			}
		}
		if leaf == nil {
			return
		}
	} else {
		return
	}
	expr := valueExpr(rep, leaf)
	pos := tr.Conv.Pos()
	if expr != nil {
		pos = expr.Pos()
	} else if a := engine.LiteralOf(tr.Value); a != nil {
		pos = a.Pos()
	} else if x := valueExpr(rep, tr.Value); x != nil {
		pos = x.Pos()
	}
	if !pos.IsValid() || reported[pos] || rep.Skip(fn, pos) {
		return
	}
	reported[pos] = true
	what := ""
	if expr != nil {
		what = " " + report.Shorten(types.ExprString(expr))
	}
	by := fmt.Sprintf(" by the generated response %s", rep.TypeName(tr.Value.Type()))
	if status != 0 {
		by += fmt.Sprintf(" with status %d", status)
	}
	d := analysis.Diagnostic{Pos: pos}
	if expr != nil {
		d.End = expr.End()
	}
	if found != nil {
		d.Message = fmt.Sprintf("dependency error%s is sent to the client%s; log it and send a generic message", what, by)
		d.Related = rep.Origin(*found)
	} else {
		subject := "of the error"
		if expr != nil {
			if r, ok := errorCallReceiver(pass.TypesInfo, expr); ok {
				subject = "of " + report.Shorten(types.ExprString(r))
			} else if x := uniqueError(pass.TypesInfo, expr); x != nil {
				subject = "of " + report.Shorten(types.ExprString(x)) // fmt.Sprintf("%s: %s", msg, err)
			}
		} else if r := shapes.ErrorRoot(leaf); r != nil {
			if n := r.Name(); n != "" && !isRegister(n) {
				subject = "of " + n
			}
		}
		d.Message = fmt.Sprintf("error text %s is sent%s; internal errors carry details of our dependencies: log it and send a generic message", subject, by)
	}
	rep.Report(d)
}

// leavesGuarded reports whether every error whose text v carries
// (engine.TextLeavesOf: through a payload's pointer helper,
// swag.String(err.Error())) is our sentinel, or a constant, where b runs.
func leavesGuarded(e *engine.Engine, b *ssa.BasicBlock, v ssa.Value) bool {
	return allGuarded(e, b, e.TextLeavesOf(v, nil))
}

// fieldType returns the type of the field path reads (Payload,
// Body/Error) of type t, through pointers; nil when a step is not a
// field.
func fieldType(t types.Type, reads string) types.Type {
	for reads != "" {
		step, rest := labels.SplitFirst(reads)
		reads = rest
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return nil
		}
		var next types.Type
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i).Name() == step {
				next = st.Field(i).Type()
			}
		}
		if next == nil {
			return nil
		}
		t = next
	}
	return t
}

// isRegister reports whether an SSA value name is a register (t12), not
// a source name.
func isRegister(n string) bool {
	if len(n) < 2 || n[0] != 't' {
		return false
	}
	for _, r := range n[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// valueExpr returns the syntax of a call value (err.Error()), or nil.
func valueExpr(rep *report.Reporter, v ssa.Value) ast.Expr {
	if call, ok := v.(*ssa.Call); ok {
		if x := rep.CallAt(call.Pos()); x != nil {
			return x
		}
	}
	return nil
}
