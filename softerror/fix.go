package softerror

import (
	"go/ast"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/upstreamlint/upstreamlint/analyzer/engine"
	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/report"
)

// fix writes an error status before the body: 502 Bad Gateway when the
// path follows a failed upstream call, else 500. An explicit 200 in the
// same call, or written just before in the same block, becomes that
// status; otherwise a WriteHeader call is inserted before the statement.
func (c *checker) fix(pass *analysis.Pass, rep *report.Reporter, e *engine.Engine, h *handler, call *ast.CallExpr, ev engine.SinkEvent, st status) (analysis.SuggestedFix, bool) {
	none := analysis.SuggestedFix{}
	if call == nil {
		return none, false
	}
	file := rep.File(call.Pos())
	if file == nil {
		return none, false
	}
	name, msg := "StatusInternalServerError", "500 Internal Server Error"
	if e.AfterUpstreamFailure(ev.Instr.Block()) {
		name, msg = "StatusBadGateway", "502 Bad Gateway"
	}
	local, edits, ok := report.ImportName(pass.TypesInfo, pass.Pkg, file, "net/http")
	if !ok {
		return none, false
	}
	code := local + "." + name
	if st.kind == statusExplicit200 {
		w := st.ok
		if w.Instr.Block() != ev.Instr.Block() {
			return none, false // the 200 may serve other paths too
		}
		arg := rep.ArgExpr(rep.CallAt(w.Instr.Pos()), w.Instr, w.Arg)
		if arg == nil {
			return none, false
		}
		edits = append([]analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(code)}}, edits...)
		return analysis.SuggestedFix{Message: "Send " + msg + " instead of 200", TextEdits: edits}, true
	}
	if h == nil || h.param.Object() == nil {
		return none, false
	}
	stmt := enclosingStmt(file, call.Pos())
	if stmt == nil || !report.NameRefersTo(pass.Pkg, stmt.Pos(), h.param.Name(), h.param.Object()) {
		return none, false
	}
	set := h.param.Name() + h.setter + "(" + code + ")"
	if setter, ok := knowledge.ContextStatus[calleePkg(ev)]; h.req != nil && ok {
		// render writes the status kept in the request's context: set it
		// there, or render's own WriteHeader(200) would follow ours.
		render, renderEdits, ok := report.Qualify(pass, file, stmt.Pos(), calleePkg(ev), setter)
		if !ok || !report.NameRefersTo(pass.Pkg, stmt.Pos(), h.req.Name(), h.req.Object()) {
			return none, false
		}
		set = render + "(" + h.req.Name() + ", " + code + ")"
		edits = append(edits, renderEdits...)
	}
	col := pass.Fset.Position(stmt.Pos()).Column
	text := set + "\n" + strings.Repeat("\t", max(col-1, 0))
	edits = append([]analysis.TextEdit{{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(text)}}, edits...)
	return analysis.SuggestedFix{Message: "Write " + msg + " before the body", TextEdits: edits}, true
}

// calleePkg returns the package path of the function a sink event calls.
func calleePkg(ev engine.SinkEvent) string {
	if fn := ev.Instr.Common().StaticCallee(); fn != nil && fn.Pkg != nil {
		return fn.Pkg.Pkg.Path()
	}
	return ""
}
