package softerror

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/analyzer/engine"
	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/report"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
)

// Name is the check's name: its flag prefix and directive name.
const Name = "softerror"

// Config configures the check. Every field has a flag -softerror.<name>.
type Config struct {
	// ErrorKeys are the map keys and JSON field names that hold an error.
	ErrorKeys Words
	// MetaKeys are keys that may accompany an error in an error-only body.
	MetaKeys Words
	// Envelopes reports 200 bodies whose envelope says failure
	// ({"success": false, "message": …}, {"code": 500, "msg": …}). Teams
	// that keep the business-code convention on purpose turn it off.
	Envelopes bool
	// FlagKeys are success flags: false says the request failed.
	FlagKeys Words
	// StatusKeys are status-like keys: a constant 4xx/5xx code or an
	// "error"/"fail" string says the request failed.
	StatusKeys Words
	// DataKeys hold an envelope's data: absent, nil or empty, the body
	// carries nothing but its failure.
	DataKeys Words
	// Allow lists functions and packages allowed to answer 200 with an error.
	Allow analyzer.FuncPatterns
}

// DefaultConfig returns the default configuration.
func DefaultConfig() Config {
	return Config{
		ErrorKeys: Words{set: wordSet("error", "errors", "err", "error_message", "errormessage", "error_description", "fault")},
		MetaKeys: Words{set: wordSet("message", "msg", "detail", "details", "reason", "code", "status", "status_code",
			"statuscode", "trace_id", "traceid", "request_id", "requestid", "title", "type", "timestamp", "success", "ok")},
		Envelopes: true,
		FlagKeys:  Words{set: wordSet("success", "ok", "succeeded", "succeed", "is_success", "issuccess")},
		StatusKeys: Words{set: wordSet("code", "status", "status_code", "statuscode", "errcode", "err_code", "error_code",
			"errorcode", "errno", "ret", "retcode", "ret_code", "result_code", "resultcode")},
		DataKeys: Words{set: wordSet("data", "result", "results", "items", "list", "payload", "rows", "records", "content", "value")},
	}
}

// Analyzer is the check with its default configuration, bound to its own flags.
var Analyzer = NewAnalyzer(DefaultConfig())

// NewAnalyzer returns a softerror analyzer bound to a private copy of cfg,
// on the shared analysis with its default settings.
func NewAnalyzer(cfg Config) *analysis.Analyzer { return New(analyzer.Analyzer, cfg) }

// New returns a softerror analyzer bound to a private copy of cfg, on the
// instance of the shared analysis whose analyzer is shared.
func New(shared *analysis.Analyzer, cfg Config) *analysis.Analyzer {
	c := &checker{cfg: cfg}
	c.cfg.ErrorKeys = cfg.ErrorKeys.clone()
	c.cfg.MetaKeys = cfg.MetaKeys.clone()
	c.cfg.FlagKeys = cfg.FlagKeys.clone()
	c.cfg.StatusKeys = cfg.StatusKeys.clone()
	c.cfg.DataKeys = cfg.DataKeys.clone()
	a := report.NewCheck(shared, Name, doc, &c.cfg.Allow, c.run)
	a.Flags.Var(&c.cfg.ErrorKeys, "errorkeys", "comma-separated keys (map keys, JSON names) that hold an error; replaces the default list")
	a.Flags.Var(&c.cfg.MetaKeys, "metakeys", "comma-separated keys that may accompany an error in an error-only body; replaces the default list")
	analyzer.BoolVar(&a.Flags, &c.cfg.Envelopes, "envelopes", cfg.Envelopes, "report 200 bodies whose envelope says failure (success: false, a 4xx/5xx code, status \"error\") and carries no data")
	a.Flags.Var(&c.cfg.FlagKeys, "flagkeys", "comma-separated success-flag keys of envelopes (false says failure); replaces the default list")
	a.Flags.Var(&c.cfg.StatusKeys, "statuskeys", "comma-separated status-like keys of envelopes (a 4xx/5xx constant or \"error\" says failure); replaces the default list")
	a.Flags.Var(&c.cfg.DataKeys, "datakeys", "comma-separated keys that hold an envelope's data (absent, nil or empty: no data); replaces the default list")
	a.Flags.Var(&c.cfg.Allow, "allow", "comma-separated functions or packages allowed to answer 200 with an error body")
	return a
}

// Words is a flag value holding a set of lower-case words.
type Words struct {
	set map[string]bool
}

func wordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func (w *Words) clone() Words {
	m := make(map[string]bool, len(w.set))
	for k := range w.set {
		m[k] = true
	}
	return Words{set: m}
}

func (w *Words) String() string {
	if w == nil {
		return ""
	}
	var ks []string
	for k := range w.set {
		ks = append(ks, k)
	}
	sortStrings(ks)
	return strings.Join(ks, ",")
}

// Set replaces the set with the comma-separated words in s.
func (w *Words) Set(s string) error {
	m := make(map[string]bool)
	for _, k := range strings.Split(s, ",") {
		k = strings.ToLower(strings.TrimSpace(k))
		if k == "" {
			continue
		}
		if strings.ContainsAny(k, " \t\"") {
			return fmt.Errorf("malformed key %q: keys contain no spaces or quotes", k)
		}
		m[k] = true
	}
	if len(m) == 0 {
		return fmt.Errorf("empty key list %q", s)
	}
	w.set = m
	return nil
}

func (w *Words) has(k string) bool { return w.set[strings.ToLower(k)] }

type checker struct {
	cfg Config
}

func (c *checker) run(pass *analysis.Pass, e *engine.Engine, rep *report.Reporter) {
	codes := c.businessCodes(e)
	var envCalls []wholeprog.EnvelopeCall
	defer func() { c.reportEnvelopes(pass, rep, e, envCalls) }()
	installed := installedErrorHandlers(e)
	for _, fn := range e.Funcs {
		c.helperEnvelopes(pass, rep, e, fn, codes, &envCalls)
		h := handlerOf(fn)
		if h == nil && (installed[fn] || e.InstalledElsewhere(fn)) {
			// an installed error handler takes the error besides its
			// context: func(*fiber.Ctx, error) error, func(error, echo.Context)
			h = answererOf(fn, true)
		}
		evs := e.Events(fn)
		for _, ev := range evs {
			if ev.Role != knowledge.RoleBody || ev.Handoff || ev.Partial {
				continue
			}
			what, ok := c.errorOnly(pass, e, ev.Value, ev.Instr)
			if !ok {
				continue
			}
			if bodyContinues(evs, ev) {
				continue // one line of a longer body, not the whole answer
			}
			st := statusOnPath(e, fn, evs, ev)
			if st.kind == statusSet || (st.kind == statusImplicit && (h == nil || e.PresetStatus(fn))) {
				// An error status was written on every path, or the
				// function is a helper whose callers may have set one,
				// or an error page the framework runs with its status.
				continue
			}
			call := rep.CallAt(ev.Instr.Pos())
			pos, end := ev.Instr.Pos(), token.NoPos
			if call != nil {
				pos, end = call.Pos(), call.End()
			}
			if rep.Skip(fn, pos) {
				continue
			}
			d := analysis.Diagnostic{Pos: pos, End: end}
			if st.kind == statusExplicit200 {
				d.Message = fmt.Sprintf("%s is sent with explicit status 200; use an error status", what)
			} else {
				d.Message = fmt.Sprintf("%s is sent with status 200 (no status written on this path); write an error status first", what)
			}
			if fix, ok := c.fix(pass, rep, e, h, call, ev, st); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
			rep.Report(d)
		}
	}
}

// A handler is a function that answers a request, with the parameter
// it answers through and how a status is set on it, for fixes.
type handler struct {
	param  *ssa.Parameter
	setter string         // appended to the parameter's name: ".WriteHeader", ".Status"
	req    *ssa.Parameter // the *http.Request of a net/http handler
}

// handlerOf recognises a handler: a net/http handler (a ResponseWriter
// and an *http.Request), or a gin, echo or fiber handler (its context).
// It returns nil for other functions.
func handlerOf(fn *ssa.Function) *handler {
	// A framework handler has the framework's handler signature: its
	// context is its only parameter (hertz's and go-restful's take two).
	// A helper taking the context and more (writeError(c, msg)) may be
	// called after a status was set.
	for _, p := range fn.Params {
		if ctx, ok := knowledge.HandlerContext(p.Type()); ok && fn.Signature.Params().Len() == ctx.HandlerArity() {
			return &handler{param: p, setter: ctx.Setter}
		}
	}
	return answererOf(fn, false)
}

// answererOf finds the parameter fn answers through: the context of a
// framework (counted only when context is set), else a ResponseWriter
// beside an *http.Request.
func answererOf(fn *ssa.Function, context bool) *handler {
	var w, req *ssa.Parameter
	for _, p := range fn.Params {
		if ctx, ok := knowledge.HandlerContext(p.Type()); ok && context {
			return &handler{param: p, setter: ctx.Setter}
		}
		switch t := p.Type(); {
		case w == nil && knowledge.IsNamed(t, "net/http", "ResponseWriter"):
			w = p
		case knowledge.IsPtrTo(t, "net/http", "Request"):
			req = p
		}
	}
	if w == nil || req == nil {
		return nil
	}
	return &handler{param: w, setter: ".WriteHeader", req: req}
}

// installedErrorHandlers finds the functions the package installs as a
// framework's error handler: stored into a field named ErrorHandler or
// HTTPErrorHandler (fiber.New(fiber.Config{ErrorHandler: h}),
// e.HTTPErrorHandler = h, a middleware's Config{ErrorHandler: h}). Such a
// function answers the request itself, as a handler does: a path on which
// it writes no status answers 200.
func installedErrorHandlers(e *engine.Engine) map[*ssa.Function]bool {
	out := make(map[*ssa.Function]bool)
	for _, fn := range e.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				fa, ok := st.Addr.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				sv := structOf(fa.X.Type())
				if sv == nil || fa.Field >= sv.NumFields() {
					continue
				}
				if name := sv.Field(fa.Field).Name(); name != "ErrorHandler" && name != "HTTPErrorHandler" {
					continue
				}
				switch v := shapes.Strip(st.Val).(type) {
				case *ssa.Function:
					out[v] = true
				case *ssa.MakeClosure:
					if f, ok := v.Fn.(*ssa.Function); ok {
						out[f] = true
					}
				}
			}
		}
	}
	return out
}

// --- is the body only an error? ---

// errorOnly decides from types and literals whether v, written as a
// response body, is only an error, and describes it for the message. e
// is the package's engine (the check holds its lock).
func (c *checker) errorOnly(pass *analysis.Pass, e *engine.Engine, v ssa.Value, at ssa.Instruction) (string, bool) {
	v = shapes.Strip(v)
	switch x := v.(type) {
	case *ssa.MakeMap:
		if c.mapErrorOnly(e, x, 0, at) {
			return "error-only body " + typeString(pass, x.Type()), true
		}
		if marker, ok := c.mapEnvelope(e, x, at, nil); ok {
			return "failure envelope " + typeString(pass, x.Type()) + " (" + marker + ")", true
		}
		return "", false
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.String && looksLikeError(constant.StringVal(x.Value)) {
			return "error text " + strconv.Quote(shorten(constant.StringVal(x.Value))), true
		}
		return "", false
	case *ssa.Slice:
		// the variadic arguments of fmt.Fprint*: the first decides
		if vals := sliceElems(x); len(vals) > 0 {
			return c.errorOnly(pass, e, vals[0], at)
		}
		return "", false
	}
	if shapes.ErrorRoot(v) != v || types.Implements(v.Type(), shapes.ErrorInterface) {
		return "error text", true
	}
	if b, ok := v.(*ssa.BinOp); ok && b.Op == token.ADD {
		if k, ok := shapes.Strip(b.X).(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String && looksLikeError(constant.StringVal(k.Value)) {
			return "error text " + strconv.Quote(shorten(constant.StringVal(k.Value))+"…"), true
		}
	}
	if call, ok := v.(*ssa.Call); ok {
		if fn := call.Common().StaticCallee(); fn != nil && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "fmt" && strings.HasPrefix(fn.Name(), "Sprint") {
			args := call.Common().Args
			if len(args) > 0 {
				if first, ok := shapes.Strip(args[0]).(*ssa.Const); ok && fn.Name() == "Sprintf" && first.Value != nil && first.Value.Kind() == constant.String && looksLikeError(constant.StringVal(first.Value)) {
					return "error text " + strconv.Quote(shorten(constant.StringVal(first.Value))), true
				}
			}
		}
	}
	if call, ok := v.(*ssa.Call); ok {
		if what, ok := c.constructed(pass, e, call); ok {
			return what, true
		}
	}
	if st := structOf(v.Type()); st != nil && c.structErrorOnly(st, 0) {
		return "error-only body " + typeString(pass, derefType(v.Type())), true
	}
	if alloc := literalAlloc(v); alloc != nil {
		if marker, ok := c.structEnvelope(e, alloc, at, nil); ok {
			return "failure envelope " + typeString(pass, derefType(alloc.Type())) + " (" + marker + ")", true
		}
	}
	return "", false
}

// constructed judges a body built by a function of the package
// (ctx.JSON(200, errorResponse(err))): error-only when every return of
// the constructor is an error-only literal or a failure envelope, with
// the constructor's parameters read as the call's arguments (a status
// code passed in). One level: a constructor that calls another is not
// followed.
func (c *checker) constructed(pass *analysis.Pass, e *engine.Engine, call *ssa.Call) (string, bool) {
	callee := call.Common().StaticCallee()
	if callee == nil || callee.Pkg != e.Pkg || callee.Blocks == nil || callee.Parent() != nil || callee.Signature.Results().Len() != 1 {
		return "", false
	}
	args := call.Common().Args
	subst := make(map[ssa.Value]ssa.Value, len(args))
	for i, p := range callee.Params {
		if i < len(args) {
			subst[p] = args[i]
		}
	}
	what, n := "", 0
	for _, b := range callee.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) != 1 {
			continue
		}
		n++
		w, ok := c.literalErrorOnly(pass, e, ret.Results[0], ret, subst)
		if !ok {
			return "", false
		}
		if what == "" {
			what = w
		}
	}
	if n == 0 {
		return "", false
	}
	return what + " built by " + callee.Name(), true
}

// literalErrorOnly judges a literal a constructor returns at ret.
func (c *checker) literalErrorOnly(pass *analysis.Pass, e *engine.Engine, v ssa.Value, ret *ssa.Return, subst map[ssa.Value]ssa.Value) (string, bool) {
	v = shapes.Strip(v)
	if m, ok := v.(*ssa.MakeMap); ok {
		if c.mapErrorOnly(e, m, 0, ret) {
			return "error-only body " + typeString(pass, m.Type()), true
		}
		if marker, ok := c.mapEnvelope(e, m, ret, subst); ok {
			return "failure envelope " + typeString(pass, m.Type()) + " (" + marker + ")", true
		}
		return "", false
	}
	if alloc := literalAlloc(v); alloc != nil {
		if marker, ok := c.structEnvelope(e, alloc, ret, subst); ok {
			return "failure envelope " + typeString(pass, derefType(alloc.Type())) + " (" + marker + ")", true
		}
	}
	return "", false
}

// mapErrorOnly reports whether every key stored into the map is a
// constant, all keys are error or meta keys, and one is an error key;
// or the map has a single key whose value is itself error-only (the
// envelope {"upstreamResponse": {"statusCode": …, "error": …}}).
//
// Only the keys stored on a path to the write at count: a key set in a
// branch that returns after writing its own answer is not in this body
// (resp["error"] = err; respond(500, resp); return … resp["status"] = ok;
// respond(200, resp)). And an error key must be stored on every path to
// the write: a map that holds an error only on some paths is not
// error-only on the others.
func (c *checker) mapErrorOnly(e *engine.Engine, m *ssa.MakeMap, depth int, at ssa.Instruction) bool {
	var keys []string
	var single ssa.Value
	errKeyOnEveryPath := false
	for _, ref := range *m.Referrers() {
		switch u := ref.(type) {
		case *ssa.MapUpdate:
			if u.Map != m {
				return false // stored into another map
			}
			k, ok := shapes.Strip(u.Key).(*ssa.Const)
			if !ok || k.Value == nil || k.Value.Kind() != constant.String {
				return false // a key we cannot read: no verdict
			}
			if !e.Reaches(u, at) {
				continue
			}
			key := constant.StringVal(k.Value)
			keys = append(keys, key)
			single = u.Value
			if c.cfg.ErrorKeys.has(key) && dominates(u, at) {
				errKeyOnEveryPath = true
			}
			if declaresSuccess(key, u.Value) {
				// {"code": 200, "error": "…"}: the body says it succeeded;
				// whatever its "error" holds, it is not an error answer.
				return false
			}
		case *ssa.DebugRef:
		default:
			// A call that takes the map itself (not as an interface to
			// encode) may add keys we cannot see: no verdict.
			if _, isCall := ref.(ssa.CallInstruction); isCall {
				return false
			}
		}
	}
	if len(keys) == 0 {
		return false
	}
	if len(keys) == 1 && depth < 3 {
		if inner, ok := shapes.Strip(single).(*ssa.MakeMap); ok && c.mapErrorOnly(e, inner, depth+1, at) {
			return true
		}
		if st := structOf(shapes.Strip(single).Type()); st != nil && c.structErrorOnly(st, depth+1) {
			return true
		}
	}
	return errKeyOnEveryPath && c.keysErrorOnly(keys)
}

// declaresSuccess reports whether a body entry states success with a
// constant: a status-like key holding a 1xx–3xx code, or a success flag
// holding true.
func declaresSuccess(key string, v ssa.Value) bool {
	k, ok := shapes.Strip(v).(*ssa.Const)
	if !ok || k.Value == nil {
		return false
	}
	switch strings.ToLower(key) {
	case "code", "status", "status_code", "statuscode":
		if k.Value.Kind() != constant.Int {
			return false
		}
		n, exact := constant.Int64Val(k.Value)
		return exact && n >= 100 && n < 400
	case "success", "ok":
		return k.Value.Kind() == constant.Bool && constant.BoolVal(k.Value)
	}
	return false
}

// dominates reports whether from runs on every path to to; instructions
// of different functions (a closure and its parent) are taken to.
func dominates(from, to ssa.Instruction) bool {
	fb, tb := from.Block(), to.Block()
	if fb == nil || tb == nil || fb.Parent() != tb.Parent() {
		return true
	}
	return from != to && shapes.DominatesInstr(from, to)
}

func (c *checker) keysErrorOnly(keys []string) bool {
	hasErr := false
	for _, k := range keys {
		switch {
		case c.cfg.ErrorKeys.has(k):
			hasErr = true
		case c.cfg.MetaKeys.has(k):
		default:
			return false
		}
	}
	return hasErr
}

// structErrorOnly reports whether the JSON names of a struct's exported
// fields are all error or meta keys, with an error key among them.
func (c *checker) structErrorOnly(st *types.Struct, depth int) bool {
	fields, ok := jsonFields(st)
	if !ok {
		return false
	}
	var keys []string
	var only *types.Var
	for _, f := range fields {
		keys = append(keys, f.name)
		only = st.Field(f.index)
	}
	if len(keys) == 1 && depth < 3 {
		if inner := structOf(only.Type()); inner != nil && c.structErrorOnly(inner, depth+1) {
			return true
		}
	}
	return len(keys) > 0 && c.keysErrorOnly(keys)
}

// A jsonField is an exported field of a struct with the name
// encoding/json gives it.
type jsonField struct {
	index int
	name  string
}

// jsonFields returns the fields encoding/json writes, with their names
// (the json tag's, else the field's); false when an embedded field makes
// the keys unknowable here.
func jsonFields(st *types.Struct) ([]jsonField, bool) {
	var out []jsonField
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if !f.Exported() {
			continue
		}
		if f.Embedded() {
			return nil, false
		}
		name := f.Name()
		if tag, ok := reflect.StructTag(st.Tag(i)).Lookup("json"); ok {
			n, _, _ := strings.Cut(tag, ",")
			if n == "-" {
				continue
			}
			if n != "" {
				name = n
			}
		}
		out = append(out, jsonField{index: i, name: name})
	}
	return out, true
}

func structOf(t types.Type) *types.Struct {
	st, _ := derefType(t).Underlying().(*types.Struct)
	return st
}

func derefType(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func sliceElems(s *ssa.Slice) []ssa.Value {
	alloc, ok := s.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var out []ssa.Value
	for _, ref := range *alloc.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, r2 := range *ia.Referrers() {
			if st, ok := r2.(*ssa.Store); ok {
				out = append(out, st.Val)
			}
		}
	}
	return out
}

// errorPrefixes start plain-text bodies that are errors.
var errorPrefixes = []string{
	"error", "err:", "failed", "failure", "fail to", "unable to", "could not", "couldn't", "cannot", "can't",
	"internal error", "internal server error", "something went wrong", "bad request", "bad gateway",
	"service unavailable", "not found", "forbidden", "unauthorized", "invalid", "timeout", "timed out",
}

func looksLikeError(s string) bool {
	s = strings.ToLower(strings.TrimLeft(s, " \t\n{\"'"))
	for _, p := range errorPrefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func shorten(s string) string {
	if len(s) > 40 {
		return s[:39] + "…"
	}
	return s
}

// typeString writes a type as code does: gin.H, ErrorResponse.
func typeString(pass *analysis.Pass, t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p == pass.Pkg {
			return ""
		}
		return p.Name()
	})
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// --- what status does the response have when the body is written? ---

type statusKind int

const (
	statusImplicit    statusKind = iota // a path reaches the write with no status written: net/http sends 200
	statusExplicit200                   // a path reaches it after WriteHeader(200)
	statusSet                           // every path wrote another status first
)

type status struct {
	kind statusKind
	ok   *engine.SinkEvent // the WriteHeader(200) on such a path
}

// statusOnPath walks the control-flow graph backwards from the body
// write. A status write on the way ends a path; a path that reaches the
// function's entry leaves the status at 200. A status event of the same
// call (http.Error, a helper writing code and body) counts as written first.
func statusOnPath(e *engine.Engine, fn *ssa.Function, evs []engine.SinkEvent, body engine.SinkEvent) status {
	writes := make(map[ssa.Instruction]*engine.SinkEvent)
	for i := range evs {
		if evs[i].Role == knowledge.RoleStatus {
			writes[evs[i].Instr] = &evs[i]
		}
	}
	// A dynamic call nothing resolves, handed the writer, may have
	// written the status: when unsure, the path has one.
	opaque := make(map[ssa.Instruction]bool)
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(ssa.CallInstruction); ok && c != body.Instr && e.OpaqueWriterCall(c) {
				opaque[in] = true
			}
		}
	}
	if w, ok := writes[body.Instr]; ok {
		if is200(w.Value) {
			return status{kind: statusExplicit200, ok: w}
		}
		return status{kind: statusSet}
	}
	if body.HelperWritesStatus {
		return status{kind: statusSet} // the helper writes one of its own first
	}
	result := status{kind: statusSet}
	seen := make(map[*ssa.BasicBlock]bool)
	var walk func(b *ssa.BasicBlock, before int) bool // true: stop, verdict found
	walk = func(b *ssa.BasicBlock, before int) bool {
		for i := before - 1; i >= 0; i-- {
			if opaque[b.Instrs[i]] {
				return false // this path may have its status
			}
			if w, ok := writes[b.Instrs[i]]; ok {
				if is200(w.Value) && result.kind != statusImplicit {
					result = status{kind: statusExplicit200, ok: w}
				}
				return false // this path has its status
			}
		}
		if b.Index == 0 {
			result = status{kind: statusImplicit}
			return true
		}
		for _, p := range b.Preds {
			if !seen[p] {
				seen[p] = true
				if walk(p, len(p.Instrs)) {
					return true
				}
			}
		}
		return false
	}
	b := body.Instr.Block()
	idx := 0
	for i, in := range b.Instrs {
		if in == body.Instr {
			idx = i
		}
	}
	walk(b, idx)
	return result
}

// bodyContinues reports whether another body write can follow ev on
// some path: then ev writes a part of the answer (a report line saying
// one lookup failed), not an error-only body.
func bodyContinues(evs []engine.SinkEvent, ev engine.SinkEvent) bool {
	writes := make(map[ssa.Instruction]bool)
	for _, x := range evs {
		if x.Role == knowledge.RoleBody && x.Instr != ev.Instr {
			writes[x.Instr] = true
		}
	}
	if len(writes) == 0 {
		return false
	}
	start := ev.Instr.Block()
	after := false
	for _, in := range start.Instrs {
		if in == ev.Instr {
			after = true
			continue
		}
		if after && writes[in] {
			return true
		}
	}
	seen := map[*ssa.BasicBlock]bool{}
	queue := append([]*ssa.BasicBlock(nil), start.Succs...)
	for len(queue) > 0 {
		b := queue[0]
		queue = queue[1:]
		if seen[b] {
			continue
		}
		seen[b] = true
		for _, in := range b.Instrs {
			if writes[in] {
				return true
			}
		}
		queue = append(queue, b.Succs...)
	}
	return false
}

func is200(v ssa.Value) bool {
	k, ok := shapes.Strip(v).(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return false
	}
	n, ok := constant.Int64Val(k.Value)
	return ok && n == 200
}

// enclosingStmt returns the statement of a block or case clause that
// contains pos, with the list it belongs to.
func enclosingStmt(file *ast.File, pos token.Pos) ast.Stmt {
	var found ast.Stmt
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil || pos < n.Pos() || pos >= n.End() {
			return n == nil || (pos >= n.Pos() && pos < n.End())
		}
		var list []ast.Stmt
		switch x := n.(type) {
		case *ast.BlockStmt:
			list = x.List
		case *ast.CaseClause:
			list = x.Body
		case *ast.CommClause:
			list = x.Body
		}
		for _, s := range list {
			if s.Pos() <= pos && pos < s.End() {
				found = s
			}
		}
		return true
	})
	return found
}
