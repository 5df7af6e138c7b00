package engine

import (
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
)

// Framework error handlers.
//
// An echo or fiber handler answers a failure by returning an error: the
// application's error handler writes it. fiber's default handler sends
// err.Error() with status 500 (a *fiber.Error's code and message); echo's
// answers a plain error with a generic 500. An application installs its
// own with fiber.New(fiber.Config{ErrorHandler: h}) or e.HTTPErrorHandler
// = h, usually in main, away from its handlers. The error handlers a
// package installs are a package fact; the whole-program join gathers
// them (Program.ErrorHandlers), and a per-package host sees those of the
// package itself.

// ErrorHandlerFact lists the error handlers a package installs.
type ErrorHandlerFact struct {
	Handlers []knowledge.InstalledHandler
}

func (*ErrorHandlerFact) AFact() {}

func (*ErrorHandlerFact) String() string { return "installs error handlers" }

// InstalledHandlers finds the error handlers the package installs: a
// function stored into fiber.Config's ErrorHandler or echo.Echo's
// HTTPErrorHandler, and fiber's default where the package calls
// fiber.New and installs none.
func (e *Engine) InstalledHandlers() []knowledge.InstalledHandler {
	var out []knowledge.InstalledHandler
	created := make(map[string]bool) // the frameworks whose New the package calls
	custom := make(map[string]bool)  // the frameworks it installs a handler of
	for _, fn := range e.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.Call:
					if ih, ok := e.strictInstall(x); ok {
						out = append(out, ih)
						continue
					}
					obj, _ := shapes.Callee(x.Common())
					if obj == nil {
						continue
					}
					name := knowledge.FullName(obj)
					for i := range knowledge.ErrorFrameworks {
						fw := &knowledge.ErrorFrameworks[i]
						if fw.New != "" && name == fw.New {
							created[fw.Name] = true
						}
						if fw.InstallCall == "" || name != fw.InstallCall {
							continue
						}
						custom[fw.Name] = true
						args := shapes.CallArgs(x.Common())
						if fw.InstallArg >= len(args) {
							continue
						}
						if ih, ok := e.installed(fw, args[fw.InstallArg]); ok {
							out = append(out, ih)
						}
					}
				case *ssa.Store:
					fa, ok := x.Addr.(*ssa.FieldAddr)
					if !ok {
						continue
					}
					p, ok := fa.X.Type().Underlying().(*types.Pointer)
					if !ok {
						continue
					}
					name := shapes.FieldName(p.Elem(), fa.Field, false)
					var fw *knowledge.ErrorFramework
					for i := range knowledge.ErrorFrameworks {
						f := &knowledge.ErrorFrameworks[i]
						if f.InstallField != "" && name == f.InstallField && knowledge.IsNamed(p.Elem(), f.InstallType[0], f.InstallType[1]) {
							fw = f
						}
					}
					if fw == nil {
						continue
					}
					custom[fw.Name] = true
					if ih, ok := e.installed(fw, x.Val); ok {
						out = append(out, ih)
					}
				}
			}
		}
	}
	for _, fw := range knowledge.ErrorFrameworks {
		if fw.Default != nil && created[fw.Name] && !custom[fw.Name] {
			out = append(out, *fw.Default)
		}
	}
	return append(out, e.errorMiddlewares()...)
}

// installed describes the error handler v that fw installs: the sinks
// its error parameter reaches, as sinks of parameter 0.
func (e *Engine) installed(fw *knowledge.ErrorFramework, v ssa.Value) (knowledge.InstalledHandler, bool) {
	h := shapes.HandlerFunc(v)
	if h == nil {
		return knowledge.InstalledHandler{}, false
	}
	ih := knowledge.InstalledHandler{Framework: fw.Name, Name: shapes.HandlerName(h), Pos: e.posString(h)}
	if obj, ok := h.Object().(*types.Func); ok {
		ih.Func = knowledge.FullName(obj)
	}
	ih.Delegates = callsAny(h, fw.Delegates)
	if fw.Returns {
		if h.Blocks == nil {
			return knowledge.InstalledHandler{}, false // another package's: its results are not summarised for this
		}
		ih.Sinks = e.returnedSinks(h, fw.ErrParam)
		return ih, true
	}
	var sinks []knowledge.SinkParam
	if h.Blocks != nil {
		sinks = e.LocalSummary(h).Sinks
	} else if obj, ok := h.Object().(*types.Func); ok && e.importFact != nil {
		// a handler of another package: its fact
		if ff := e.importFact(obj.Origin()); ff != nil {
			sinks = ff.Sinks
		}
	} else {
		return knowledge.InstalledHandler{}, false
	}
	for _, sp := range sinks {
		if sp.Param != fw.ErrParam {
			continue
		}
		switch sp.Role {
		case knowledge.RoleBody:
			sp.Param = 0
			ih.Sinks = append(ih.Sinks, sp)
		case knowledge.RoleStatus:
			if sp.Reads != "" && !slices.Contains(ih.StatusReads, sp.Reads) {
				ih.StatusReads = append(ih.StatusReads, sp.Reads)
			}
		}
	}
	return ih, true
}

// returnedSinks are the sinks of a handler that returns the status and
// the body to send (status int, body any): its error parameter errParam
// is sent where it lands in the body, with the status when every return
// gives the same constant. An error returned as the body is sent as its
// text (go-zero writes http.Error(w, body.Error(), code)).
func (e *Engine) returnedSinks(h *ssa.Function, errParam int) []knowledge.SinkParam {
	s := e.LocalSummary(h)
	if s == nil || len(s.Results) < 2 {
		return nil
	}
	status, first := 0, true
	for _, b := range h.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) < 2 {
			continue
		}
		c := shapes.ConstStatus(ret.Results[0], 0)
		if first {
			status, first = c, false
		} else if c != status {
			status = 0
		}
	}
	var out []knowledge.SinkParam
	for _, l := range s.Results[1] {
		if l.Kind != knowledge.KindParam || l.Param != errParam {
			continue
		}
		sp := knowledge.SinkParam{Role: knowledge.RoleBody, Param: 0, Reads: l.Reads, Path: l.Path, Status: status}
		if sp.Reads == "" && sp.Path == "" {
			sp.Reads = knowledge.OpText
		}
		out = append(out, sp)
	}
	return out
}

// errorMiddlewares finds the error middleware of the frameworks whose
// handlers attach errors to their context (gin's c.Error; the shapes are
// knowledge.ErrorMiddlewares) that writes the text of the attached
// errors (c.Errors.Last().Error(), c.Errors.String(), c.Errors.Errors()):
// its sinks, as sinks of the attached error.
func (e *Engine) errorMiddlewares() []knowledge.InstalledHandler {
	var out []knowledge.InstalledHandler
	for _, mw := range knowledge.ErrorMiddlewares {
		for _, fn := range e.Funcs {
			sig := fn.Signature
			if sig.Params().Len() != 1 || sig.Results().Len() != 0 || !mw.Ctx.Is(sig.Params().At(0).Type()) {
				continue
			}
			var sinks []knowledge.SinkParam
			for _, sp := range e.LocalSummary(fn).Sinks {
				if sp.Param != 0 || sp.Role != knowledge.RoleBody {
					continue
				}
				rest, ok := strings.CutPrefix(sp.Reads, mw.Reads)
				if !ok {
					continue
				}
				sp.Reads = strings.TrimPrefix(rest, "/")
				if sp.Reads != knowledge.OpText && !strings.HasPrefix(sp.Reads, knowledge.OpText+"/") {
					continue // the error value, not its text
				}
				// A middleware that sends an attached error's text with
				// its own 5xx is the finding (the server-error rule, at
				// its write), for every error attached to it.
				sp.Covered = sp.Covered || shapes.ServerError(sp.Status)
				sinks = append(sinks, sp)
			}
			if len(sinks) > 0 {
				out = append(out, knowledge.InstalledHandler{Framework: mw.Framework, Name: shapes.HandlerName(fn), Pos: e.posString(fn), Sinks: sinks})
			}
		}
	}
	return out
}

// ErrorCalls returns the calls of fn that hand an error to a framework's
// error handler (gin's c.Error(err) and c.AbortWithError(code, err),
// go-zero's httpx.Error(w, err)) whose text the handler the package or
// the program installs writes.
func (e *Engine) ErrorCalls(fn *ssa.Function) []HandlerReturn {
	e.mustHold()
	var out []HandlerReturn
	for _, b := range fn.Blocks {
		if e.DebugOnly(b) {
			continue
		}
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			obj, _ := shapes.Callee(call.Common())
			if obj == nil {
				continue
			}
			row, ok := knowledge.ErrorCalls[knowledge.FullName(obj)]
			if !ok {
				continue
			}
			args := shapes.CallArgs(call.Common())
			if row.Arg >= len(args) {
				continue
			}
			hs := e.handlersFor(row.Framework)
			v := args[row.Arg]
			ls := e.Labels(v)
			if len(hs) == 0 || len(ls) == 0 || shapes.NarrowedToConstants(b, v) {
				continue
			}
			for _, h := range hs {
				for _, sp := range h.Sinks {
					out = append(out, HandlerReturn{
						ReturnEvent: ReturnEvent{Value: v, Labels: ls},
						Call:        call,
						Row:         row,
						Handler:     h,
						Sink:        sp,
						Labels:      ls.ApplyOps(sp.Reads).Prefixed(sp.Path),
					})
				}
			}
		}
	}
	return out
}

func (e *Engine) posString(fn *ssa.Function) string {
	p := e.Pkg.Prog.Fset.Position(fn.Pos())
	if !p.IsValid() {
		return ""
	}
	return shapes.ShortFile(p.Filename) + ":" + strconv.Itoa(p.Line)
}

// handlersFor returns the error handlers of a framework that answer the
// package's handlers: the package's own installs first (handlers beside
// the fiber.New that creates their app are routed on it), else the
// program's.
func (e *Engine) handlersFor(framework string) []knowledge.InstalledHandler {
	if e.OwnHandlers == nil {
		e.OwnHandlers = wholeprog.MergeHandlers(e.InstalledHandlers())
	}
	var hs []knowledge.InstalledHandler
	for _, h := range e.OwnHandlers {
		if h.Framework == framework {
			hs = append(hs, h)
		}
	}
	if len(hs) == 0 && e.Prog != nil {
		for _, h := range e.Prog.ErrorHandlers {
			if h.Framework == framework {
				hs = append(hs, h)
			}
		}
	}
	return hs
}

// A HandlerReturn is a return of a framework handler whose error an
// installed error handler writes into the response.
type HandlerReturn struct {
	ReturnEvent
	Call    *ssa.Call           // for gin's c.Error(err): the call attaching the error (Instr is nil)
	Row     knowledge.ErrorCall // the row of that call
	Handler knowledge.InstalledHandler
	Sink    knowledge.SinkParam
	Labels  labels.Labels // the returned error's labels as the error handler's sink sees them
}

// HandlerReturns returns the returns of fn, an echo or fiber handler,
// whose error reaches a sink of an error handler the program (or, for a
// per-package host, the package) installs: one per return and handler
// sink, with the labels the sink sees.
func (e *Engine) HandlerReturns(fn *ssa.Function) []HandlerReturn {
	e.mustHold()
	framework := shapes.HandlerFramework(fn.Signature)
	if framework == "" {
		if sf := strictFramework(fn); sf != "" {
			if rs := e.strictReturns(fn, sf); len(rs) > 0 {
				return rs
			}
		}
		return e.adapterReturns(fn)
	}
	// a *fiber.Error or *echo.HTTPError: its message is the constructor's sink
	return e.returnsTo(fn, e.handlersFor(framework), shapes.FrameworkError)
}

// returnsTo returns the returns of fn whose result at a sink's Param
// reaches that sink of one of the handlers hs (what an error handler or an
// adapter does with what fn returns), with the labels the sink sees; skip
// leaves out returned values another rule judges.
func (e *Engine) returnsTo(fn *ssa.Function, hs []knowledge.InstalledHandler, skip func(ssa.Value) bool) []HandlerReturn {
	var out []HandlerReturn
	for _, h := range hs {
		for _, b := range fn.Blocks {
			ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !ok || e.DebugOnly(b) {
				continue
			}
			for _, sp := range h.Sinks {
				if sp.Param >= len(ret.Results) {
					continue
				}
				v := ret.Results[sp.Param]
				if c, ok := v.(*ssa.Const); ok && c.IsNil() || shapes.NarrowedToConstants(b, v) || (skip != nil && skip(v)) {
					continue
				}
				ls := e.Labels(v)
				if len(ls) == 0 {
					continue
				}
				out = append(out, HandlerReturn{
					ReturnEvent: ReturnEvent{Instr: ret, Value: v, Labels: ls},
					Handler:     h,
					Sink:        sp,
					Labels:      ls.ApplyOps(sp.Reads).Prefixed(sp.Path),
				})
			}
		}
	}
	return out
}

// NoteHandlers records, in phase 1, the frameworks the package declares
// handlers of.
func (e *Engine) NoteHandlers() {
	if e.DynSeen == nil {
		return
	}
	for _, fn := range e.Funcs {
		if fw := shapes.HandlerFramework(fn.Signature); fw != "" {
			e.DynSeen[wholeprog.HandlerKey(fw)] = wholeprog.DynSite{}
		}
		if fw := strictFramework(fn); fw != "" {
			e.DynSeen[wholeprog.HandlerKey(fw)] = wholeprog.DynSite{} // served by a strict server another package may construct
		}
		for _, mw := range knowledge.ErrorMiddlewares {
			if sig := fn.Signature; sig.Params().Len() == 1 && mw.Ctx.Is(sig.Params().At(0).Type()) {
				e.DynSeen[wholeprog.HandlerKey(mw.Framework)] = wholeprog.DynSite{}
			}
		}
		if shapes.ErrorHandlerShape(fn.Signature) {
			e.DynSeen[wholeprog.HandlerKey("installed")] = wholeprog.DynSite{} // may be installed by another package
		}
		// calls that hand an error to the framework's error handler
		// (httpx.Error), which the program may install elsewhere
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok {
					if obj, _ := shapes.Callee(call.Common()); obj != nil {
						if row, ok := knowledge.ErrorCalls[knowledge.FullName(obj)]; ok {
							e.DynSeen[wholeprog.HandlerKey(row.Framework)] = wholeprog.DynSite{}
						}
					}
				}
			}
		}
	}
}

// Error-returning adapters. Many net/http services define their own
// handler type, `type appHandler func(http.ResponseWriter, *http.Request)
// error`, whose ServeHTTP calls the handler and writes the error it
// returns. The summary of ServeHTTP says which sinks the result of its
// receiver reaches (reads "()"); a function converted to the type is a
// handler whose returns reach them.

// adapterReturns returns the returns of fn whose value reaches a sink of
// the ServeHTTP of an adapter type fn is converted to in the package.
func (e *Engine) adapterReturns(fn *ssa.Function) []HandlerReturn {
	if e.adapters == nil {
		e.adapters = e.findAdapters()
	}
	return e.returnsTo(fn, e.adapters[fn], nil)
}

// findAdapters maps the functions of the package converted to an adapter
// type (a named func type whose ServeHTTP writes what its receiver
// returns) to that adapter, as an InstalledHandler whose sinks take the
// returned value at Param (the result index).
func (e *Engine) findAdapters() map[*ssa.Function][]knowledge.InstalledHandler {
	out := make(map[*ssa.Function][]knowledge.InstalledHandler)
	byType := make(map[*types.Named]*knowledge.InstalledHandler)
	for _, fn := range e.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				ct, ok := instr.(*ssa.ChangeType)
				if !ok {
					continue
				}
				named, ok := types.Unalias(ct.Type()).(*types.Named)
				if !ok {
					continue
				}
				h := shapes.HandlerFunc(ct.X)
				if h != nil && h.Synthetic != "" {
					h = shapes.BoundMethod(h) // a method value, s.get
				}
				if h == nil {
					continue
				}
				a, ok := byType[named]
				if !ok {
					a = e.adapterOf(named)
					byType[named] = a
				}
				if a != nil && !shapes.ContainsHandler(out[h], a) {
					out[h] = append(out[h], *a)
				}
			}
		}
	}
	return out
}

// adapterOf describes the adapter a named func type is: the sinks its
// ServeHTTP's receiver results reach, or nil.
func (e *Engine) adapterOf(named *types.Named) *knowledge.InstalledHandler {
	sig, ok := named.Underlying().(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return nil
	}
	sel := e.Pkg.Prog.MethodSets.MethodSet(named).Lookup(named.Obj().Pkg(), "ServeHTTP")
	if sel == nil {
		return nil
	}
	obj, ok := sel.Obj().(*types.Func)
	if !ok {
		return nil
	}
	s, _ := e.summary(obj, e.Pkg.Prog.MethodValue(sel))
	if s == nil {
		return nil
	}
	a := &knowledge.InstalledHandler{Framework: knowledge.AdapterFramework, Name: named.Obj().Name() + ".ServeHTTP"}
	if fn := e.Pkg.Prog.FuncValue(obj); fn != nil && fn.Pkg == e.Pkg {
		a.Pos = e.posString(fn)
	}
	for _, sp := range s.Sinks {
		if sp.Param != 0 || sp.Role != knowledge.RoleBody || !strings.HasPrefix(sp.Reads, shapes.CallRead) {
			continue
		}
		rest := strings.TrimPrefix(strings.TrimPrefix(sp.Reads, shapes.CallRead), "/")
		sp.Param = 0
		if sig.Results().Len() > 1 {
			step, r := labels.SplitFirst(rest)
			if !strings.HasPrefix(step, "#") {
				continue
			}
			n := 0
			for _, c := range step[1:] {
				n = n*10 + int(c-'0')
			}
			sp.Param, rest = n, r
		}
		sp.Reads = rest
		// A ServeHTTP that sends every error's text with its own 5xx is
		// the finding itself (the server-error rule reports it there).
		sp.Covered = shapes.ServerError(sp.Status)
		a.Sinks = append(a.Sinks, sp)
	}
	if len(a.Sinks) == 0 {
		return nil
	}
	return a
}

// InstalledElsewhere reports whether the whole program installs fn as a
// framework error handler from another package (main's
// fiber.Config{ErrorHandler: handlers.Errors}).
func (e *Engine) InstalledElsewhere(fn *ssa.Function) bool {
	if e.Prog == nil || fn.Parent() != nil {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return false
	}
	name := knowledge.FullName(obj)
	for _, h := range e.Prog.ErrorHandlers {
		if h.Func == name {
			return true
		}
	}
	return false
}

// ErrorMessageSent reports whether the message of a framework error that
// ev builds (echo.NewHTTPError(code, msg), fiber.NewError: a call that
// returns the framework's ErrorType) reaches the client: it does with
// the framework's own error handler, and with an installed one that
// sends some part of the errors it gets; it does not when every handler
// installed for the framework keeps the error to itself (renders a page
// by status, logs it). Events of other calls are sent.
func (e *Engine) ErrorMessageSent(ev SinkEvent) bool {
	e.mustHold()
	if ev.Role != knowledge.RoleBody {
		return true
	}
	sig := ev.Instr.Common().Signature()
	if sig.Results().Len() != 1 {
		return true
	}
	for _, fw := range knowledge.ErrorFrameworks {
		if fw.ErrorType[0] == "" || !knowledge.IsPtrTo(sig.Results().At(0).Type(), fw.ErrorType[0], fw.ErrorType[1]) {
			continue
		}
		hs := e.handlersFor(fw.Name)
		if len(hs) == 0 {
			return true // the framework's own handler, which sends the message
		}
		for _, h := range hs {
			if h.Delegates {
				return true // it hands errors to the framework's own handler
			}
			for _, sp := range h.Sinks {
				if sp.Role == knowledge.RoleBody {
					return true
				}
			}
		}
		return false
	}
	return true
}

// ReturnedStatus returns the constant status an installed error handler
// writes for a returned value v, read from the field its status sink
// reads (the Code a module error's constructor set: fieldConst), or 0.
func (e *Engine) ReturnedStatus(h knowledge.InstalledHandler, v ssa.Value) int {
	e.mustHold()
	for _, r := range h.StatusReads {
		field := r
		if i := strings.LastIndexByte(r, '/'); i >= 0 {
			field = r[i+1:]
		}
		if code := e.fieldConst(v, field, 0); code != 0 {
			return code
		}
	}
	return 0
}

// A ServerErrorReturn is a return of a framework handler whose error an
// installed error handler sends with a server-error status the error
// carries (return errs.InternalServerError(err.Error()), the handler
// writing c.Status(e.Code).JSON(e)): its text is internal, whatever its
// origin.
type ServerErrorReturn struct {
	Instr   *ssa.Return
	Value   ssa.Value // the returned error
	Leaf    ssa.Value // the error whose text it carries
	Status  int
	Handler knowledge.InstalledHandler
}

// ServerErrorReturns returns the returns of fn, an echo or fiber
// handler, whose error carries a server-error status that an installed
// error handler writes, and the text of an error that is not provably
// ours, which the handler sends.
func (e *Engine) ServerErrorReturns(fn *ssa.Function) []ServerErrorReturn {
	e.mustHold()
	framework := shapes.HandlerFramework(fn.Signature)
	if framework == "" {
		return nil
	}
	var out []ServerErrorReturn
	for _, h := range e.handlersFor(framework) {
		if len(h.StatusReads) == 0 || len(h.Sinks) == 0 {
			continue
		}
		for _, b := range fn.Blocks {
			ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !ok || len(ret.Results) == 0 || e.DebugOnly(b) {
				continue
			}
			v := ret.Results[len(ret.Results)-1]
			if c, ok := v.(*ssa.Const); ok && c.IsNil() {
				continue
			}
			code := e.ReturnedStatus(h, shapes.Strip(v))
			if !shapes.ServerError(code) {
				continue
			}
			// the fields of the error the handler sends (e.Message): what
			// the constructor stored there
			var leaf ssa.Value
			for _, sp := range h.Sinks {
				field := sp.Reads
				if i := strings.LastIndexByte(field, '/'); i >= 0 {
					field = field[i+1:]
				}
				if field == "" || field == knowledge.OpText {
					continue // the error's text: its Error method decides, not the constructor
				}
				arg := e.fieldArg(shapes.Strip(v), field, 0)
				if arg == nil {
					continue
				}
				for _, l := range e.TextLeavesOf(arg, nil) {
					if shapes.IsErrorValue(l) && !e.OwnErrorText(b, l) {
						leaf = l
						break
					}
				}
				if leaf != nil {
					break
				}
			}
			if leaf != nil {
				out = append(out, ServerErrorReturn{Instr: ret, Value: v, Leaf: leaf, Status: code, Handler: h})
			}
		}
	}
	return out
}

// callsAny reports whether fn, or a function literal inside it, calls
// one of the functions names (full names).
func callsAny(fn *ssa.Function, names []string) bool {
	if len(names) == 0 || fn == nil {
		return false
	}
	seen := make(map[*ssa.Function]bool)
	var walk func(f *ssa.Function) bool
	walk = func(f *ssa.Function) bool {
		if seen[f] || len(seen) > 64 {
			return false
		}
		seen[f] = true
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if obj, _ := shapes.Callee(call.Common()); obj != nil && slices.Contains(names, knowledge.FullName(obj)) {
					return true
				}
			}
		}
		for _, anon := range f.AnonFuncs {
			if walk(anon) {
				return true
			}
		}
		return false
	}
	return walk(fn)
}
