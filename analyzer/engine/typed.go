package engine

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
)

// Typed responses. Generated servers answer with the value a handler
// returns: oapi-codegen's strict server calls the returned
// CreateTask500JSONResponse's VisitCreateTaskResponse(w), which writes
// status 500 and encodes the value; go-swagger's responders
// (NewGetTaskInternalServerError().WithPayload(…)) write themselves in
// WriteResponse(rw, producer). The status is in the type, the write in
// generated code. The handler commits to its answer where it converts
// the value to the interface whose method writes it: that conversion is
// the sink, with the sinks the method's summary gives its receiver. The
// generated code is analysed as flow (its summaries), never reported.

// A TypedResponse is the conversion of a response value to an interface
// whose method writes the value to the client.
type TypedResponse struct {
	Conv   *ssa.MakeInterface
	Value  ssa.Value   // the response value (Conv.X)
	Method *types.Func // the method that writes it
	// Sinks are the method's sinks of its receiver: what of the value
	// it writes (Reads), as a body or as the status, and with which
	// constant status (Status).
	Sinks []knowledge.SinkParam
}

// SinkLabels returns the labels of the part of the value that sink sp
// writes.
func (e *Engine) SinkLabels(tr TypedResponse, sp knowledge.SinkParam) labels.Labels {
	e.mustHold()
	return e.Labels(tr.Value).ApplyOps(sp.Reads).Prefixed(sp.Path)
}

// TypedResponses returns the conversions in fn of values to an interface
// with a method that writes them (a generated server's response types).
func (e *Engine) TypedResponses(fn *ssa.Function) []TypedResponse {
	e.mustHold()
	var out []TypedResponse
	for _, b := range fn.Blocks {
		if e.DebugOnly(b) {
			continue
		}
		for _, instr := range b.Instrs {
			mi, ok := instr.(*ssa.MakeInterface)
			if !ok {
				continue
			}
			m, sinks := e.writerMethod(mi.X.Type(), mi.Type())
			if m == nil && knowledge.IsErrorType(mi.Type()) {
				m, sinks = e.errorEncoder(mi.X.Type())
			}
			if m == nil {
				continue
			}
			out = append(out, TypedResponse{Conv: mi, Value: mi.X, Method: m, Sinks: sinks})
		}
	}
	return out
}

type typedKey struct{ concrete, iface types.Type }

type typedWriter struct {
	method *types.Func
	sinks  []knowledge.SinkParam
}

// writerMethod returns the method of interface iface that concrete
// implements by writing its receiver to a writer parameter (an
// http.ResponseWriter, a framework context), with the receiver's sinks;
// nil when there is none. The empty interface and error have none.
func (e *Engine) writerMethod(concrete, iface types.Type) (*types.Func, []knowledge.SinkParam) {
	it, ok := iface.Underlying().(*types.Interface)
	if !ok || it.NumMethods() == 0 || types.IsInterface(concrete) || knowledge.IsErrorType(iface) {
		return nil, nil
	}
	key := typedKey{concrete, iface}
	if w, ok := e.typed[key]; ok {
		return w.method, w.sinks
	}
	e.typed[key] = typedWriter{} // in progress: a method's summary may convert the same type
	var res typedWriter
	mset := e.Pkg.Prog.MethodSets.MethodSet(concrete)
	for i := 0; i < it.NumMethods() && res.method == nil; i++ {
		im := it.Method(i)
		if !writesToClient(im.Signature()) {
			continue
		}
		sel := mset.Lookup(im.Pkg(), im.Name())
		if sel == nil || len(sel.Index()) > 1 {
			continue // a promoted method's receiver is the embedded value
		}
		obj, ok := sel.Obj().(*types.Func)
		if !ok {
			continue
		}
		s, _ := e.summary(obj, e.Pkg.Prog.MethodValue(sel))
		if s == nil {
			continue
		}
		if sinks := firstParamSinks(s); len(sinks) > 0 {
			res = typedWriter{method: obj, sinks: sinks}
		}
	}
	e.typed[key] = res
	return res.method, res.sinks
}

// errorEncoder returns what returning a value of t as an error sends:
// the sinks, of that value, of the generated function of t's package
// that writes values of t to the client (knowledge.ErrorEncoders: ogen's
// encodeErrorResponse(response *ErrorStatusCode, w, span)), with the
// method of t whose fact carries them (its Error method) when the
// function is another package's; nil when t has none.
func (e *Engine) errorEncoder(t types.Type) (*types.Func, []knowledge.SinkParam) {
	sel := e.Pkg.Prog.MethodSets.MethodSet(t).Lookup(nil, "Error")
	if sel == nil || len(sel.Index()) > 1 {
		return nil, nil
	}
	m, ok := sel.Obj().(*types.Func)
	if !ok || m.Pkg() == nil {
		return nil, nil
	}
	key := typedKey{t, nil}
	if w, ok := e.typed[key]; ok {
		return w.method, w.sinks
	}
	e.typed[key] = typedWriter{}
	var sinks []knowledge.SinkParam
	if m.Pkg() == e.Pkg.Pkg {
		sinks = e.encoderSinks(t)
	} else if e.importFact != nil {
		if ff := e.importFact(m); ff != nil {
			sinks = ff.Written
		}
	}
	res := typedWriter{}
	if len(sinks) > 0 {
		res = typedWriter{method: m, sinks: sinks}
	}
	e.typed[key] = res
	return res.method, res.sinks
}

// encoderSinks returns the sinks, of its first parameter, of the
// function of this package named by knowledge.ErrorEncoders that takes
// a value of t first and writes to the client; nil when there is none.
func (e *Engine) encoderSinks(t types.Type) []knowledge.SinkParam {
	for _, name := range knowledge.ErrorEncoders {
		obj, ok := e.Pkg.Pkg.Scope().Lookup(name).(*types.Func)
		if !ok {
			continue
		}
		sig := obj.Type().(*types.Signature)
		if sig.Params().Len() == 0 || !types.Identical(sig.Params().At(0).Type(), t) || !writesToClient(sig) {
			continue
		}
		s, _ := e.summary(obj, e.Pkg.Prog.FuncValue(obj))
		if s == nil {
			continue
		}
		if sinks := firstParamSinks(s); len(sinks) > 0 {
			return sinks
		}
	}
	return nil
}

// WrittenErrorSinks returns, for fn the Error method of an error
// response type of this package, the sinks of the generated function
// that writes values of the type (encoderSinks), for its fact
// (FuncFact.Written); else nil.
func (e *Engine) WrittenErrorSinks(fn *ssa.Function) []knowledge.SinkParam {
	e.mustHold()
	sig := fn.Signature
	if fn.Name() != "Error" || sig.Recv() == nil || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return nil
	}
	return e.encoderSinks(sig.Recv().Type())
}

// firstParamSinks returns the sinks of a summary that take its first
// parameter (a writer method's receiver, an encoder's value).
func firstParamSinks(s *Summary) []knowledge.SinkParam {
	var out []knowledge.SinkParam
	for _, sp := range s.Sinks {
		if sp.Param == 0 {
			out = append(out, sp)
		}
	}
	return out
}

// writesToClient reports whether a method with this signature is handed
// something that answers the client: an http.ResponseWriter or a
// framework's handler context.
func writesToClient(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if knowledge.NamedPath(t) == "net/http.ResponseWriter" || shapes.IsHandlerContext(t) {
			return true
		}
	}
	return false
}

// ForwardedWhole reports whether a typed response writes, as its body,
// the whole body of the upstream response origin (a generated proxy
// response carrying the upstream's status and body): a proxy's answer.
func (e *Engine) ForwardedWhole(tr TypedResponse, origin token.Pos) bool {
	return e.typedWrites(tr, knowledge.RoleBody, knowledge.KindBody, origin)
}

// StatusForwarded reports whether a typed response writes, as its
// status, the status of the upstream response origin.
func (e *Engine) StatusForwarded(tr TypedResponse, origin token.Pos) bool {
	return e.typedWrites(tr, knowledge.RoleStatus, knowledge.KindStatus, origin)
}

// typedWrites reports whether a sink of tr in role writes, whole, an
// upstream value of kind from origin.
func (e *Engine) typedWrites(tr TypedResponse, role knowledge.Role, kind knowledge.Kind, origin token.Pos) bool {
	e.mustHold()
	for _, sp := range tr.Sinks {
		if sp.Role != role {
			continue
		}
		for _, l := range e.SinkLabels(tr, sp) {
			if l.Kind == kind && l.Path == "" && l.Origin == origin {
				return true
			}
		}
	}
	return false
}

// StoredValues returns the values a response is built from: what is
// stored into the fields of composite literals and by field assignments,
// at any depth (resp.Body.Error = …, the fields of embedded structs), and
// a call's result with its arguments, walked in turn (constructors and
// builders: NewX(code).WithPayload(&Error{…})). For messages and
// positions: which part of the response carries what a finding names.
func StoredValues(v ssa.Value) []ssa.Value {
	var out []ssa.Value
	seen := make(map[ssa.Value]bool)     // values walked
	seenAddr := make(map[ssa.Value]bool) // addresses walked (an Alloc is both)
	var value func(v ssa.Value, depth int)
	var addr func(a ssa.Value, depth int)
	value = func(v ssa.Value, depth int) {
		v = shapes.Strip(v)
		if seen[v] || depth > 8 {
			return
		}
		seen[v] = true
		if a := LiteralOf(v); a != nil {
			addr(a, depth)
			return
		}
		out = append(out, v)
		switch x := v.(type) {
		case *ssa.Call:
			// a constructor or a builder's method:
			// NewX(code).WithPayload(&Error{…})
			for _, a := range x.Common().Args {
				value(a, depth+1)
			}
		case *ssa.Slice:
			// the variadic arguments of a call: ErrorMessage("%s", err)
			if a, ok := x.X.(*ssa.Alloc); ok {
				addr(a, depth+1)
			}
		}
	}
	addr = func(a ssa.Value, depth int) {
		if seenAddr[a] || depth > 8 {
			return
		}
		seenAddr[a] = true
		for _, ref := range *a.Referrers() {
			switch r := ref.(type) {
			case *ssa.FieldAddr:
				addr(r, depth+1)
			case *ssa.IndexAddr:
				addr(r, depth+1)
			case *ssa.Store:
				if r.Addr == a {
					value(r.Val, depth+1)
				}
			}
		}
	}
	value(v, 0)
	return out
}

// StoredValue returns the first of StoredValues(v) for which match is
// true, or nil.
func StoredValue(v ssa.Value, match func(ssa.Value) bool) ssa.Value {
	for _, x := range StoredValues(v) {
		if match(x) {
			return x
		}
	}
	return nil
}

// LiteralOf returns the allocation of the struct literal v is (T{…}
// loaded from its cell, or &T{…}), or nil.
func LiteralOf(v ssa.Value) *ssa.Alloc {
	v = shapes.Strip(v)
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		v = u.X
	}
	a, ok := v.(*ssa.Alloc)
	if !ok {
		return nil
	}
	if _, ok := a.Type().Underlying().(*types.Pointer); !ok {
		return nil
	}
	return a
}

// TypedStatus returns the status a typed response's body sink sp is sent
// with: the constant its method writes (sp.Status), or the constant the
// value's status field holds, set where the handler built it
// (NewGetTaskDefault(500): the field the method writes the status from);
// 0 when unknown.
func (e *Engine) TypedStatus(tr TypedResponse, sp knowledge.SinkParam) int {
	e.mustHold()
	if sp.Status != 0 {
		return sp.Status
	}
	for _, st := range tr.Sinks {
		if st.Role != knowledge.RoleStatus || st.Reads == "" || strings.Contains(st.Reads, "/") {
			continue
		}
		if code := e.fieldConst(tr.Value, st.Reads, 0); code != 0 {
			return code
		}
		if a, ok := shapes.Strip(tr.Value).(*ssa.Alloc); ok {
			if code := allocFieldConst(a, st.Reads); code != 0 {
				return code // &ErrorStatusCode{StatusCode: 500, …}
			}
		}
	}
	return 0
}
