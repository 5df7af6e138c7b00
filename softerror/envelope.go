package softerror

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/engine"
	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/report"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
)

// Envelopes: services rarely answer {"error": …} alone; they answer an
// envelope that says failure, {"success": false, "message": …} or
// {"code": 500, "msg": …, "data": nil}, with status 200 (docs/design.md,
// "Error-only bodies and envelopes"). A body is a failure envelope when a success
// flag is the constant false, or a status-like key holds a constant 4xx or
// 5xx code or an "error"/"fail" string, on every path to the write, and
// every other key is an error or meta key, or a data key that is absent,
// nil or empty. A body with data is not error-only (partial success).

// An entry is one key of an envelope with the value stored there and
// whether the store runs on every path to the write.
type entry struct {
	key    string
	val    ssa.Value // nil: the field is not stored (its zero value)
	always bool
}

// envelope judges the entries of a body: the failure marker it carries,
// or false when the body is not a failure envelope.
func (c *checker) envelope(entries []entry) (string, bool) {
	return c.envelopeWith(entries, nil)
}

// envelopeWith is envelope with the package's business codes: constants
// of a status-like field that are not HTTP-like, judged by how the
// package uses them (nil: none known).
func (c *checker) envelopeWith(entries []entry, business map[int64]bool) (string, bool) {
	if !c.cfg.Envelopes || len(entries) == 0 {
		return "", false
	}
	marker := ""
	for _, en := range entries {
		k := strings.ToLower(en.key)
		switch {
		case c.cfg.FlagKeys.has(k):
			b, ok := constBool(en.val)
			switch {
			case en.val == nil:
			case !ok:
			case b:
				return "", false // it says it succeeded
			case en.always && marker == "":
				marker = en.key + ": false"
			}
		case c.cfg.StatusKeys.has(k):
			if en.val == nil {
				continue
			}
			if n, ok := constInt(en.val); ok {
				if fail, known := business[n]; known {
					if !fail {
						return "", false // the package's success code
					}
					if en.always && marker == "" {
						marker = en.key + ": " + strconv.FormatInt(n, 10)
					}
					continue
				}
				switch {
				case n >= 100 && n < 400:
					return "", false // a success code
				case n >= 400 && n < 600 && en.always && marker == "":
					marker = en.key + ": " + strconv.FormatInt(n, 10)
				}
				continue
			}
			if str, ok := constString(en.val); ok {
				switch strings.ToLower(str) {
				case "error", "fail", "failed", "failure":
					if en.always && marker == "" {
						marker = en.key + ": " + strconv.Quote(str)
					}
				case "ok", "success", "succeeded":
					return "", false
				}
			}
		case c.cfg.DataKeys.has(k):
			if en.val != nil && !emptyValue(en.val) && !errorText(en.val) {
				return "", false // it carries data (an error's text in it is not data)
			}
		case c.cfg.ErrorKeys.has(k), c.cfg.MetaKeys.has(k):
		default:
			if en.val != nil {
				return "", false // a key we do not know: data
			}
		}
	}
	return marker, marker != ""
}

// mapEnvelope judges a map literal written at the instruction at.
func (c *checker) mapEnvelope(e *engine.Engine, m *ssa.MakeMap, at ssa.Instruction, subst map[ssa.Value]ssa.Value) (string, bool) {
	var entries []entry
	for _, ref := range *m.Referrers() {
		switch u := ref.(type) {
		case *ssa.MapUpdate:
			if u.Map != m {
				return "", false
			}
			k, ok := constString(u.Key)
			if !ok {
				return "", false
			}
			if !e.Reaches(u, at) {
				continue
			}
			entries = append(entries, entry{key: k, val: substitute(u.Value, subst), always: dominates(u, at)})
		case *ssa.DebugRef:
		default:
			if _, isCall := ref.(ssa.CallInstruction); isCall {
				return "", false // a call may add keys we cannot see
			}
		}
	}
	return c.envelope(entries)
}

// errorText reports whether v is an error or its text (err.Error()).
func errorText(v ssa.Value) bool {
	v = shapes.Strip(v)
	return shapes.ErrorRoot(v) != v || types.Implements(v.Type(), shapes.ErrorInterface)
}

// substitute returns what a constructor's parameter is at the call being
// judged (subst maps the callee's parameters to the call's arguments),
// or v.
func substitute(v ssa.Value, subst map[ssa.Value]ssa.Value) ssa.Value {
	if r, ok := subst[shapes.Strip(v)]; ok {
		return r
	}
	return v
}

// literalAlloc returns the allocation of a struct literal a body is
// (&Response{…}, or Response{…} loaded from its local cell), or nil.
func literalAlloc(v ssa.Value) *ssa.Alloc {
	if a := engine.LiteralOf(v); a != nil && structOf(a.Type()) != nil {
		return a
	}
	return nil
}

// structEnvelope judges a struct literal written at the instruction at:
// its JSON keys, with the values stored into its fields.
func (c *checker) structEnvelope(e *engine.Engine, a *ssa.Alloc, at ssa.Instruction, subst map[ssa.Value]ssa.Value) (string, bool) {
	st := structOf(a.Type())
	stored := make(map[int]entry)
	for _, ref := range *a.Referrers() {
		switch r := ref.(type) {
		case *ssa.FieldAddr:
			for _, r2 := range *r.Referrers() {
				s, ok := r2.(*ssa.Store)
				if !ok || s.Addr != r || !e.Reaches(s, at) {
					continue
				}
				if _, seen := stored[r.Field]; seen {
					return "", false // stored twice: no verdict
				}
				stored[r.Field] = entry{val: substitute(s.Val, subst), always: dominates(s, at)}
			}
		case *ssa.Store, *ssa.UnOp, *ssa.DebugRef:
			if s, ok := r.(*ssa.Store); ok && s.Addr == a {
				return "", false // the whole value is assigned: not a literal we read
			}
		case *ssa.MakeInterface, *ssa.ChangeType:
		default:
			if _, isCall := ref.(ssa.CallInstruction); isCall {
				return "", false // handed to a call that may fill it
			}
		}
	}
	fields, ok := jsonFields(st)
	if !ok {
		return "", false
	}
	var entries []entry
	for _, f := range fields {
		en := stored[f.index]
		en.key = f.name
		entries = append(entries, en)
	}
	return c.envelope(entries)
}

func constOf(v ssa.Value) *ssa.Const {
	if v == nil {
		return nil
	}
	k, _ := shapes.Strip(v).(*ssa.Const)
	return k
}

func constBool(v ssa.Value) (bool, bool) {
	k := constOf(v)
	if k == nil || k.Value == nil || k.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(k.Value), true
}

func constInt(v ssa.Value) (int64, bool) {
	k := constOf(v)
	if k == nil || k.Value == nil || k.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(k.Value)
}

func constString(v ssa.Value) (string, bool) {
	k := constOf(v)
	if k == nil || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(k.Value), true
}

// emptyValue reports whether a data value is nil or an empty literal: a
// map or slice literal with no elements, an empty string.
func emptyValue(v ssa.Value) bool {
	v = shapes.Strip(v)
	switch x := v.(type) {
	case *ssa.Const:
		if x.IsNil() {
			return true
		}
		if x.Value != nil && x.Value.Kind() == constant.String {
			return constant.StringVal(x.Value) == ""
		}
		return false
	case *ssa.MakeMap:
		for _, ref := range *x.Referrers() {
			if _, ok := ref.(*ssa.MapUpdate); ok {
				return false
			}
			if _, isCall := ref.(ssa.CallInstruction); isCall {
				return false
			}
		}
		return true
	case *ssa.MakeSlice:
		if n, ok := constInt(x.Len); ok && n == 0 {
			return true
		}
	case *ssa.Slice:
		// []T{} is a slice of a zero-length array
		if a, ok := x.X.(*ssa.Alloc); ok {
			if arr, ok := derefType(a.Type()).Underlying().(*types.Array); ok && arr.Len() == 0 {
				return true
			}
		}
	case *ssa.UnOp:
		// struct{}{} or an empty struct literal loaded from its cell
		if a, ok := x.X.(*ssa.Alloc); ok && x.Op == token.MUL {
			if st := structOf(a.Type()); st != nil && st.NumFields() == 0 {
				return true
			}
		}
	}
	return false
}

// Helpers that build the envelope from their parameters: Result(code,
// data, msg, c) writes c.JSON(http.StatusOK, Response{code, data, msg}),
// and FailWithMessage(msg, c) calls Result(ERROR, map[string]any{}, msg,
// c). The engine's summary of Result says which parameter lands in which
// field of its 200 body; at each call the arguments fill the envelope,
// which is judged there. The fix belongs in the helper that chooses 200
// (Result): it is reported once, at its declaration, with its failing
// calls counted, and the calls are not reported. A helper of another
// package is reported at its calls, except in the standalone's second
// phase, where the helper's own package reports it (analyzer/engine/envelopes.go).

// A codeKey names the status-like field of a helper's envelope.
type codeKey struct {
	via  *types.Func
	path string
}

// successLike reports whether a business code reads as success: 0, or
// an HTTP 2xx.
func successLike(n int64) bool { return n == 0 || (n >= 200 && n < 300) }

// decideCodes turns the constants one field receives into verdicts:
// where a success-like value and others are both passed, the others are
// failure codes (SUCCESS = 0 against ERROR = 7). A field given one kind
// only decides nothing (nil).
func decideCodes(vals map[int64]bool) map[int64]bool {
	success, failure := false, false
	out := make(map[int64]bool, len(vals))
	for n := range vals {
		fail := !successLike(n)
		out[n] = fail
		success = success || !fail
		failure = failure || fail
	}
	if success && failure {
		return out
	}
	return nil
}

// businessCodes decides, for each envelope helper the package calls and
// its status-like field, which constants mean success and which failure,
// from the package's calls and, in the standalone's second phase, the
// whole program's.
func (c *checker) businessCodes(e *engine.Engine) map[codeKey]map[int64]bool {
	seen := make(map[codeKey]map[int64]bool)
	add := func(k codeKey, n int64) {
		if seen[k] == nil {
			seen[k] = make(map[int64]bool)
		}
		seen[k][n] = true
	}
	for _, fn := range e.Funcs {
		for _, ev := range e.Events(fn) {
			if !c.envelopeField(ev) || !c.cfg.StatusKeys.has(ev.SinkPath) {
				continue
			}
			if n, ok := constInt(ev.Value); ok {
				add(codeKey{ev.Via, strings.ToLower(ev.SinkPath)}, n)
			}
		}
	}
	for k := range seen {
		if cs, ok := e.ProgramEnvelopes(k.via); ok {
			for _, ec := range cs {
				if ec.Path == k.path {
					add(k, ec.Code)
				}
			}
		}
	}
	out := make(map[codeKey]map[int64]bool)
	for k, vals := range seen {
		if d := decideCodes(vals); d != nil {
			out[k] = d
		}
	}
	return out
}

// envelopeField reports whether ev hands an argument, as it is, to one
// top-level field of a helper's 200 body.
func (c *checker) envelopeField(ev engine.SinkEvent) bool {
	return ev.Role == knowledge.RoleBody && ev.Via != nil && ev.HelperStatus == 200 && ev.Reads == "" &&
		ev.SinkPath != "" && !strings.Contains(ev.SinkPath, "/")
}

// helperEnvelopes judges the calls in fn that fill a helper's 200
// envelope, and records them (the failing ones, and those that pass a
// constant code, for the contrast); reportEnvelopes decides where the
// failing ones are reported.
func (c *checker) helperEnvelopes(pass *analysis.Pass, rep *report.Reporter, e *engine.Engine, fn *ssa.Function, codes map[codeKey]map[int64]bool, calls *[]wholeprog.EnvelopeCall) {
	if !c.cfg.Envelopes {
		return
	}
	byCall := make(map[ssa.CallInstruction][]engine.SinkEvent)
	var order []ssa.CallInstruction
	for _, ev := range e.Events(fn) {
		if !c.envelopeField(ev) {
			continue
		}
		if byCall[ev.Instr] == nil {
			order = append(order, ev.Instr)
		}
		byCall[ev.Instr] = append(byCall[ev.Instr], ev)
	}
	for _, call := range order {
		evs := byCall[call]
		ec := wholeprog.EnvelopeCall{Helper: evs[0].Via, Caller: pass.Pkg, Pos: call.Pos(), At: pass.Fset.Position(call.Pos()), Param: -1}
		var entries []entry
		var business map[int64]bool
		for _, ev := range evs {
			entries = append(entries, entry{key: ev.SinkPath, val: ev.Value, always: true})
			path := strings.ToLower(ev.SinkPath)
			if b := codes[codeKey{ev.Via, path}]; b != nil {
				business = b
			}
			if n, ok := constInt(ev.Value); ok && c.cfg.StatusKeys.has(path) && ec.Path == "" {
				ec.Path, ec.Code, ec.Param = path, n, ev.Arg
				ec.Name = constName(pass, rep, ev, ec.Helper.Pkg())
			}
		}
		marker, ok := c.envelopeWith(entries, business)
		ec.Fails, ec.Marker = ok, marker
		if !ok && ec.Path != "" && !successLike(ec.Code) {
			if _, known := business[ec.Code]; !known {
				ec.Marker, ec.IfFailure = c.envelopeWith(entries, map[int64]bool{ec.Code: true})
			}
		}
		if !ec.Fails && !ec.IfFailure && ec.Path == "" {
			continue
		}
		pos := call.Pos()
		if syntax := rep.CallAt(call.Pos()); syntax != nil {
			pos = syntax.Pos()
		}
		if ec.Fails && rep.Skip(fn, pos) {
			ec.Fails, ec.IfFailure = false, false
		}
		e.NoteEnvelopeCall(ec)
		*calls = append(*calls, ec)
	}
}

// constName returns the spelling of the constant an event passes when it
// is a constant declared in pkg (SUCCESS, response.SUCCESS), else "".
func constName(pass *analysis.Pass, rep *report.Reporter, ev engine.SinkEvent, pkg *types.Package) string {
	arg := rep.ArgExpr(rep.CallAt(ev.Instr.Pos()), ev.Instr, ev.Arg)
	var id *ast.Ident
	switch x := ast.Unparen(arg).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	}
	if id == nil {
		return ""
	}
	if k, ok := pass.TypesInfo.Uses[id].(*types.Const); ok && k.Pkg() == pkg && k.Parent() == pkg.Scope() {
		return k.Name()
	}
	return ""
}

// failing returns the calls that fail: those their package judged so,
// and those whose code the calls, taken together, show to be a failure
// code.
func failing(calls []wholeprog.EnvelopeCall) []wholeprog.EnvelopeCall {
	vals := make(map[string]map[int64]bool)
	for _, ec := range calls {
		if ec.Path != "" {
			if vals[ec.Path] == nil {
				vals[ec.Path] = make(map[int64]bool)
			}
			vals[ec.Path][ec.Code] = true
		}
	}
	var out []wholeprog.EnvelopeCall
	for _, ec := range calls {
		if ec.Fails || (ec.IfFailure && decideCodes(vals[ec.Path])[ec.Code]) {
			out = append(out, ec)
		}
	}
	return out
}

// reportEnvelopes reports the failing calls of each helper where the fix
// belongs: a helper of this package once, at its declaration (it chose
// 200 for every answer), with the calls of the whole program when the
// standalone knows them; a helper of another package at each call,
// unless the program reports it in its own package.
func (c *checker) reportEnvelopes(pass *analysis.Pass, rep *report.Reporter, e *engine.Engine, calls []wholeprog.EnvelopeCall) {
	byHelper := make(map[*types.Func][]wholeprog.EnvelopeCall)
	var helpers []*types.Func
	for _, ec := range calls {
		if byHelper[ec.Helper] == nil {
			helpers = append(helpers, ec.Helper)
		}
		byHelper[ec.Helper] = append(byHelper[ec.Helper], ec)
	}
	for _, h := range e.ProgramEnvelopeHelpers() {
		if byHelper[h] == nil {
			helpers = append(helpers, h)
			byHelper[h] = nil
		}
	}
	sort.Slice(helpers, func(i, j int) bool { return helpers[i].Pos() < helpers[j].Pos() })
	for _, via := range helpers {
		cs := byHelper[via]
		program, known := e.ProgramEnvelopes(via)
		if known {
			cs = program
		}
		fails := failing(cs)
		if len(fails) == 0 {
			continue
		}
		if f := e.Pkg.Prog.FuncValue(via); via.Pkg() == pass.Pkg && via.Pos().IsValid() && f != nil {
			if rep.Skip(f, via.Pos()) {
				continue
			}
			var markers []string
			for _, ec := range fails {
				if !slices.Contains(markers, ec.Marker) {
					markers = append(markers, ec.Marker)
				}
			}
			if len(markers) > 3 {
				markers = append(markers[:3:3], "…")
			}
			what, verb, calls := "failure envelope", "is", "1 call"
			if len(fails) > 1 {
				what, verb, calls = "failure envelopes", "are", fmt.Sprintf("%d calls", len(fails))
			}
			d := analysis.Diagnostic{
				Pos: via.Pos(), End: via.Pos() + token.Pos(len(via.Name())),
				Message: fmt.Sprintf("%s (%s) %s sent with status 200 by %s, from %s; send the failure as the response status", what, strings.Join(markers, ", "), verb, via.Name(), calls),
			}
			if fix, ok := c.helperFix(pass, rep, e, f, cs); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
			rep.Report(d)
			continue
		}
		if known {
			continue // reported at the helper, in its own package
		}
		for _, ec := range fails {
			if ec.Caller != pass.Pkg {
				continue
			}
			pos, end := ec.Pos, token.NoPos
			if syntax := rep.CallAt(ec.Pos); syntax != nil {
				pos, end = syntax.Pos(), syntax.End()
			}
			rep.Report(analysis.Diagnostic{
				Pos: pos, End: end,
				Message: fmt.Sprintf("failure envelope (%s) is sent with status 200 by %s; use an error status", ec.Marker, via.Name()),
			})
		}
	}
}

// helperFix changes the helper's 200 into a status derived from the code
// it is given, keeping the body: HTTP-like codes (every constant passed
// is 1xx–5xx) become the status when they say failure; business codes
// send 500 unless they are one of the success codes the calls pass:
//
//	status := http.StatusOK
//	if code != SUCCESS {
//		status = http.StatusInternalServerError
//	}
//	c.JSON(status, Response{code, data, msg})
//
// The helper must write 200 once, with a constant of its own.
func (c *checker) helperFix(pass *analysis.Pass, rep *report.Reporter, e *engine.Engine, f *ssa.Function, calls []wholeprog.EnvelopeCall) (analysis.SuggestedFix, bool) {
	none := analysis.SuggestedFix{}
	param := -1
	vals := make(map[int64]string)
	var order []int64
	for _, ec := range calls {
		if ec.Path == "" {
			continue
		}
		if param != -1 && ec.Param != param {
			return none, false // codes reach different parameters
		}
		param = ec.Param
		if _, ok := vals[ec.Code]; !ok {
			order = append(order, ec.Code)
		}
		if ec.Name != "" || vals[ec.Code] == "" {
			vals[ec.Code] = ec.Name
		}
	}
	if param < 0 || param >= len(f.Params) {
		return none, false
	}
	p := f.Params[param]
	basic, ok := p.Type().Underlying().(*types.Basic)
	if !ok || basic.Info()&types.IsInteger == 0 || p.Object() == nil {
		return none, false
	}
	var status *engine.SinkEvent
	evs := e.Events(f)
	for i := range evs {
		if evs[i].Role != knowledge.RoleStatus || !is200(evs[i].Value) {
			continue // another status, on another path
		}
		if status != nil || evs[i].Via != nil {
			return none, false // not one constant 200 of its own
		}
		status = &evs[i]
	}
	if status == nil {
		return none, false
	}
	call := rep.CallAt(status.Instr.Pos())
	arg := rep.ArgExpr(call, status.Instr, status.Arg)
	file := rep.File(status.Instr.Pos())
	if arg == nil || file == nil {
		return none, false
	}
	stmt := enclosingStmt(file, call.Pos())
	if stmt == nil || !report.NameRefersTo(pass.Pkg, stmt.Pos(), p.Name(), p.Object()) {
		return none, false
	}
	local, edits, ok := report.ImportName(pass.TypesInfo, pass.Pkg, file, "net/http")
	if !ok {
		return none, false
	}
	v := freshName(pass, f, stmt.Pos(), "status", "httpStatus", "statusCode", "respStatus")
	if v == "" {
		return none, false
	}
	code := p.Name()
	if !types.Identical(p.Type(), types.Typ[types.Int]) {
		code = "int(" + code + ")"
	}
	httpLike := true
	for _, n := range order {
		httpLike = httpLike && n >= 100 && n < 600
	}
	var cond, set, msg string
	if httpLike {
		cond = fmt.Sprintf("%s >= 400 && %s < 600", p.Name(), p.Name())
		set, msg = code, "Send the failure code it is given as the status"
	} else {
		var ne []string
		for _, n := range order {
			if successLike(n) {
				lit := vals[n]
				if lit == "" {
					lit = strconv.FormatInt(n, 10)
				}
				ne = append(ne, p.Name()+" != "+lit)
			}
		}
		if len(ne) == 0 {
			return none, false
		}
		cond = strings.Join(ne, " && ")
		set, msg = local+".StatusInternalServerError", "Send 500 Internal Server Error for its failure codes"
	}
	col := pass.Fset.Position(stmt.Pos()).Column
	ind := strings.Repeat("\t", max(col-1, 0))
	text := fmt.Sprintf("%s := %s.StatusOK\n%sif %s {\n%s\t%s = %s\n%s}\n%s", v, local, ind, cond, ind, v, set, ind, ind)
	edits = append([]analysis.TextEdit{
		{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(text)},
		{Pos: arg.Pos(), End: arg.End(), NewText: []byte(v)},
	}, edits...)
	return analysis.SuggestedFix{Message: msg + " instead of 200", TextEdits: edits}, true
}

// freshName returns the first of the names that nothing in f's syntax
// spells and that no scope around pos declares, or "".
func freshName(pass *analysis.Pass, f *ssa.Function, pos token.Pos, names ...string) string {
	used := make(map[string]bool)
	if syn := f.Syntax(); syn != nil {
		ast.Inspect(syn, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				used[id.Name] = true
			}
			return true
		})
	}
	scope := pass.Pkg.Scope().Innermost(pos)
	for _, n := range names {
		if used[n] {
			continue
		}
		if scope != nil {
			if _, obj := scope.LookupParent(n, pos); obj != nil {
				continue
			}
		}
		return n
	}
	return ""
}
