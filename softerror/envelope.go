package softerror

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer"
)

// Envelopes: services rarely answer {"error": …} alone; they answer an
// envelope that says failure, {"success": false, "message": …} or
// {"code": 500, "msg": …, "data": nil}, with status 200 (DESIGN.md, "200
// with an error: envelopes"). A body is a failure envelope when a success
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
			if en.val != nil && !emptyValue(en.val) {
				return "", false // it carries data
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
func (c *checker) mapEnvelope(e *analyzer.Engine, m *ssa.MakeMap, at ssa.Instruction) (string, bool) {
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
			entries = append(entries, entry{key: k, val: u.Value, always: dominates(u, at)})
		case *ssa.DebugRef:
		default:
			if _, isCall := ref.(ssa.CallInstruction); isCall {
				return "", false // a call may add keys we cannot see
			}
		}
	}
	return c.envelope(entries)
}

// literalAlloc returns the allocation of a struct literal a body is
// (&Response{…}, or Response{…} loaded from its local cell), or nil.
func literalAlloc(v ssa.Value) *ssa.Alloc {
	v = analyzer.Strip(v)
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		v = u.X
	}
	a, ok := v.(*ssa.Alloc)
	if !ok || structOf(a.Type()) == nil {
		return nil
	}
	return a
}

// structEnvelope judges a struct literal written at the instruction at:
// its JSON keys, with the values stored into its fields.
func (c *checker) structEnvelope(e *analyzer.Engine, a *ssa.Alloc, at ssa.Instruction) (string, bool) {
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
				stored[r.Field] = entry{val: s.Val, always: dominates(s, at)}
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
	k, _ := analyzer.Strip(v).(*ssa.Const)
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
	v = analyzer.Strip(v)
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
// field of its 200 body; at the call in FailWithMessage the arguments
// fill the envelope, which is judged there: the finding is the failing
// helper's, once, and its callers (which pass only the message) are not
// reported.

// A codeKey names the status-like field of a helper's envelope.
type codeKey struct {
	via  *types.Func
	path string
}

// businessCodes decides, for each envelope helper of the package and its
// status-like field, which constants the package passes there mean
// success and which failure: where the package passes both a success-like
// value (0, or an HTTP 2xx) and others, the others are its failure codes
// (SUCCESS = 0 against ERROR = 7). A field given one kind only decides
// nothing.
func (c *checker) businessCodes(e *analyzer.Engine) map[codeKey]map[int64]bool {
	seen := make(map[codeKey]map[int64]bool)
	for _, fn := range e.Funcs {
		for _, ev := range e.Events(fn) {
			if !c.envelopeField(ev) || !c.cfg.StatusKeys.has(ev.SinkPath) {
				continue
			}
			n, ok := constInt(ev.Value)
			if !ok {
				continue
			}
			k := codeKey{ev.Via, strings.ToLower(ev.SinkPath)}
			if seen[k] == nil {
				seen[k] = make(map[int64]bool)
			}
			seen[k][n] = !(n == 0 || (n >= 200 && n < 300))
		}
	}
	out := make(map[codeKey]map[int64]bool)
	for k, vals := range seen {
		success, failure := false, false
		for _, fail := range vals {
			success = success || !fail
			failure = failure || fail
		}
		if success && failure {
			out[k] = vals
		}
	}
	return out
}

// envelopeField reports whether ev hands an argument, as it is, to one
// top-level field of a helper's 200 body.
func (c *checker) envelopeField(ev analyzer.SinkEvent) bool {
	return ev.Role == analyzer.RoleBody && ev.Via != nil && ev.HelperStatus == 200 && ev.Reads == "" &&
		ev.SinkPath != "" && !strings.Contains(ev.SinkPath, "/")
}

// helperEnvelopes finds the calls in fn that fill a helper's 200
// envelope with a failure and no data, and gathers them per helper;
// reportEnvelopes decides where they are reported.
func (c *checker) helperEnvelopes(pass *analysis.Pass, rep *analyzer.Reporter, e *analyzer.Engine, fn *ssa.Function, codes map[codeKey]map[int64]bool, gathered map[*types.Func]*gathering) {
	if !c.cfg.Envelopes {
		return
	}
	byCall := make(map[ssa.CallInstruction][]analyzer.SinkEvent)
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
		var entries []entry
		var business map[int64]bool
		for _, ev := range evs {
			entries = append(entries, entry{key: ev.SinkPath, val: ev.Value, always: true})
			if b := codes[codeKey{ev.Via, strings.ToLower(ev.SinkPath)}]; b != nil {
				business = b
			}
		}
		marker, ok := c.envelopeWith(entries, business)
		if !ok {
			continue
		}
		syntax := rep.CallAt(call.Pos())
		pos, end := call.Pos(), token.NoPos
		if syntax != nil {
			pos, end = syntax.Pos(), syntax.End()
		}
		if rep.Skip(fn, pos) {
			continue
		}
		via := evs[0].Via
		g := gathered[via]
		if g == nil {
			g = &gathering{codes: map[string]bool{}}
			gathered[via] = g
		}
		g.calls = append(g.calls, envelopeCall{pos: pos, end: end, marker: marker})
		if !g.codes[marker] {
			g.codes[marker] = true
			g.order = append(g.order, marker)
		}
	}
}

// A gathering is the failing calls of one helper's envelope.
type gathering struct {
	calls []envelopeCall
	codes map[string]bool // the markers, each once
	order []string
}

type envelopeCall struct {
	pos, end token.Pos
	marker   string
}

// reportEnvelopes reports each helper's failing calls where the fix
// belongs. Callers that pass one failure code to a helper that sends
// whatever it is given (FailWithMessage's Result(ERROR, …)) each chose
// to fail with 200: each call is reported, and those callers are few
// helpers of their own. A helper whose callers pass several failure codes
// (ErrorResponse(w, r, msg, 400), …(…, 500)) is given the status to send
// and writes it into a 200 body instead: that helper, when it is of this
// package, is reported once, with its calls counted.
func (c *checker) reportEnvelopes(pass *analysis.Pass, rep *analyzer.Reporter, e *analyzer.Engine, gathered map[*types.Func]*gathering) {
	helpers := make([]*types.Func, 0, len(gathered))
	for via := range gathered {
		helpers = append(helpers, via)
	}
	sort.Slice(helpers, func(i, j int) bool { return helpers[i].Pos() < helpers[j].Pos() })
	for _, via := range helpers {
		g := gathered[via]
		if f := e.Pkg.Prog.FuncValue(via); len(g.order) > 1 && via.Pkg() == pass.Pkg && via.Pos().IsValid() && f != nil {
			if rep.Skip(f, via.Pos()) {
				continue
			}
			shown := g.order
			if len(shown) > 3 {
				shown = append(shown[:3:3], "…")
			}
			rep.Report(analysis.Diagnostic{
				Pos: via.Pos(), End: via.Pos() + token.Pos(len(via.Name())),
				Message: fmt.Sprintf("failure envelopes (%s) are sent with status 200 by %s, from %d calls; send the failure as the response status", strings.Join(shown, ", "), via.Name(), len(g.calls)),
			})
			continue
		}
		for _, call := range g.calls {
			rep.Report(analysis.Diagnostic{
				Pos: call.pos, End: call.end,
				Message: fmt.Sprintf("failure envelope (%s) is sent with status 200 by %s; use an error status", call.marker, via.Name()),
			})
		}
	}
}
