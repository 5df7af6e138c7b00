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
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/report"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
)

// Status builders. A function of the module often makes the status its
// callers return from a dependency error of its own: an authorization
// checker puts the kube-apiserver's error into its Unauthenticated
// status (retMsg += err.Error(); return status.Error(codes.Unauthenticated,
// retMsg)), and every service method returns it unchanged (if err :=
// s.auth.Check(…); err != nil { return nil, err }). The text is decided
// where the status is built: that is the finding, reported once there,
// and the service methods' returns are not reported again. The engine
// marks the labels of a status's message with the function that built
// it (labels.Label.Built); a return whose leaking labels were all built
// by other functions is a use of those builders.
//
// A builder of this package reports itself with the uses of this
// package. A builder of another package is reported in its own package
// in the standalone's second phase, with the uses the join gathered
// (wholeprog.StatusHelperCall with Built); without the join, the
// callers report their returns as before.

// builtElsewhere returns the functions (full names) other than fn that
// built into a status every leaking label of ls, or nil when one of them
// was not built elsewhere.
func builtElsewhere(fn *ssa.Function, ls labels.Labels) []string {
	own := engine.BuilderName(fn)
	var out []string
	for _, l := range ls {
		if !leakingKind(l.Kind) {
			continue
		}
		if l.Built == "" || l.Built == own {
			return nil
		}
		if !slices.Contains(out, l.Built) {
			out = append(out, l.Built)
		}
	}
	return out
}

// builders finds the functions of this package by their builder names.
type builders struct {
	funcs map[string]*ssa.Function
	uses  map[*ssa.Function][]token.Pos   // in this package
	sites map[*ssa.Function][]builderSite // builderSites, memoised: take asks at every use
}

func newBuilders(e *engine.Engine) *builders {
	b := &builders{funcs: make(map[string]*ssa.Function), uses: make(map[*ssa.Function][]token.Pos), sites: make(map[*ssa.Function][]builderSite)}
	for _, fn := range e.Funcs {
		if fn.Parent() == nil {
			if name := engine.BuilderName(fn); name != "" {
				b.funcs[name] = fn
			}
		}
	}
	return b
}

// take records a service method's return at pos of a status built by
// the functions names, and reports whether the builders report it: the
// ones of this package when they have a site to report, the others when
// the program knows their calls (phase 2). Otherwise nothing is recorded
// in this package and the return is reported as before.
func (b *builders) take(e *engine.Engine, rep *report.Reporter, names []string, pos token.Pos) bool {
	var local []*ssa.Function
	all := true
	for _, name := range names {
		if h := b.funcs[name]; h != nil {
			if len(b.sitesOf(e, h)) == 0 {
				all = false
			}
			local = append(local, h)
			continue
		}
		e.NoteStatusHelperCall(wholeprog.StatusHelperCall{HelperName: name, HelperPkg: knowledge.PackageOfFullName(name), Caller: e.Pkg.Pkg, At: rep.Pass.Fset.Position(pos), Dep: true, Built: true})
		if _, known := e.ProgramStatusHelper(name, true); !known {
			all = false
		}
	}
	if !all {
		return false
	}
	for _, h := range local {
		b.uses[h] = append(b.uses[h], pos)
	}
	return true
}

// A builderSite is a call in a builder that makes a status whose message
// carries a dependency error's text that is not provably ours.
type builderSite struct {
	call  *ssa.Call
	label labels.Label
}

// sitesOf is builderSites of h, computed once.
func (b *builders) sitesOf(e *engine.Engine, h *ssa.Function) []builderSite {
	s, ok := b.sites[h]
	if !ok {
		s = builderSites(e, h)
		b.sites[h] = s
	}
	return s
}

// builderSites returns the status-making calls of h (and of its
// closures) whose result is marked built by h, with a leaking label.
func builderSites(e *engine.Engine, h *ssa.Function) []builderSite {
	name := engine.BuilderName(h)
	var out []builderSite
	var visit func(fn *ssa.Function, depth int)
	visit = func(fn *ssa.Function, depth int) {
		if depth > 8 {
			return
		}
		for _, b := range fn.Blocks {
			if e.DebugOnly(b) {
				continue
			}
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok || !engine.BuildsStatus(call) {
					continue
				}
				if l, ok := builtLeak(e, call, name); ok {
					out = append(out, builderSite{call: call, label: l})
				}
			}
		}
		for _, anon := range fn.AnonFuncs {
			visit(anon, depth+1)
		}
	}
	visit(h, 0)
	return out
}

// builtLeak returns the leaking label of the status call makes that the
// function named name built, unless every error whose text the message
// carries is provably ours where the call runs.
func builtLeak(e *engine.Engine, call *ssa.Call, name string) (labels.Label, bool) {
	var found *labels.Label
	for _, l := range e.Labels(call) {
		if leakingKind(l.Kind) && l.Built == name {
			l := l
			found = &l
			break
		}
	}
	if found == nil {
		return labels.Label{}, false
	}
	errs, ours := 0, 0
	for _, a := range call.Common().Args[1:] {
		for _, leaf := range e.TextLeavesOf(a, nil) {
			if !shapes.IsErrorValue(leaf) {
				continue
			}
			errs++
			if e.OwnErrorText(call.Block(), leaf) {
				ours++
			}
		}
	}
	if errs > 0 && errs == ours {
		return labels.Label{}, false
	}
	return *found, true
}

// report reports each builder with uses, at its status-making calls, in
// the order of the package's functions (the output does not depend on a
// map's order).
func (b *builders) report(e *engine.Engine, rep *report.Reporter) {
	for _, h := range e.Funcs {
		name := engine.BuilderName(h)
		if h.Parent() != nil || name == "" || b.funcs[name] != h {
			continue
		}
		uses := b.uses[h]
		program, _ := e.ProgramStatusHelper(name, true)
		n := len(uses) + len(program)
		if n == 0 {
			continue
		}
		depUses := make([]helperUse, len(uses))
		for i, pos := range uses {
			depUses[i] = helperUse{pos: pos, dep: true} // a builder's uses all return a dependency's text
		}
		related := helperReasons(rep, depUses, program, "a service method returns it")
		returns := fmt.Sprintf("%d returns", n)
		if n == 1 {
			returns = "1 return"
		}
		obj, _ := h.Object().(*types.Func)
		for _, s := range b.sitesOf(e, h) {
			expr := rep.CallAt(s.call.Pos())
			if expr == nil || rep.Skip(h, expr.Pos()) {
				continue
			}
			rep.Report(analysis.Diagnostic{
				Pos: expr.Pos(), End: expr.End(),
				Message: fmt.Sprintf("a dependency error's text is the message of this status, which %s returns and service methods return to the gRPC client (%s); log it and return a status with a generic message",
					knowledge.ShortFuncName(obj), returns),
				Related: append(rep.Origin(s.label), related...),
			})
		}
	}
}
