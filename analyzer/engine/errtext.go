package engine

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
)

// Questions about the text of errors, whatever their origin: which
// errors a response body shows, and whether an error is provably our
// own fixed text or about the client's input. The server-error status
// rule of the leak check rests on them: an error sent with a 5xx status
// is internal unless one of these says otherwise (docs/design.md).

// maxTextWalk bounds the values one TextLeaves or OwnErrorText question
// visits (the walk rule of engine.go: a visited set, and a budget).
const maxTextWalk = 256

// An EdgeFilter says whether control can go from block pred to block b;
// nil allows every edge.
type EdgeFilter func(pred, b *ssa.BasicBlock) bool

// TextLeaves returns the values whose text or content v is made of: the
// parts of a map or struct literal, the operands of a string
// concatenation and of fmt.Sprint*, the error of err.Error(), the
// values a phi merges (along edges that edge allows). A value none of
// these is its own leaf.
func TextLeaves(v ssa.Value, edge EdgeFilter) []ssa.Value {
	w := leafWalk{seen: make(map[ssa.Value]bool), edge: edge}
	w.walk(v)
	return w.out
}

// SentTextLeaves is TextLeaves of a body event's value, without the
// fields of struct literals that its sink does not write: an encoder
// skips unexported fields (an embedded error) and json:"-" ones, fmt's
// printers write them all.
func SentTextLeaves(ev SinkEvent, edge EdgeFilter) []ssa.Value {
	w := leafWalk{seen: make(map[ssa.Value]bool), edge: edge, encoded: !IsFmtCall(ev.Instr)}
	w.walk(ev.Value)
	return w.out
}

type leafWalk struct {
	seen    map[ssa.Value]bool
	edge    EdgeFilter
	encoded bool // the fields an encoder skips are not walked
	out     []ssa.Value
}

func (w *leafWalk) walk(v ssa.Value) {
	v = Strip(v)
	if w.seen[v] || len(w.seen) > maxTextWalk {
		return
	}
	w.seen[v] = true
	switch x := v.(type) {
	case *ssa.Const:
		return // fixed text
	case *ssa.Phi:
		for i, in := range x.Edges {
			if w.edge == nil || w.edge(x.Block().Preds[i], x.Block()) {
				w.walk(in)
			}
		}
		return
	case *ssa.BinOp:
		if x.Op == token.ADD {
			w.walk(x.X)
			w.walk(x.Y)
			return
		}
	case *ssa.Call:
		if root := ErrorRoot(x); root != x {
			w.out = append(w.out, root)
			return
		}
		if w.flows(x) {
			return
		}
	case *ssa.Slice:
		if alloc, ok := x.X.(*ssa.Alloc); ok {
			// a variadic argument list: its elements
			for _, ref := range *alloc.Referrers() {
				if ia, ok := ref.(*ssa.IndexAddr); ok {
					w.stores(ia)
				}
			}
			return
		}
	case *ssa.UnOp:
		if x.Op == token.MUL {
			if alloc, ok := x.X.(*ssa.Alloc); ok && w.literal(alloc) {
				return
			}
		}
	case *ssa.Alloc:
		if w.literal(x) {
			return
		}
	case *ssa.MakeMap:
		found := false
		for _, ref := range *x.Referrers() {
			if u, ok := ref.(*ssa.MapUpdate); ok && u.Map == x {
				w.walk(u.Value)
				found = true
			}
		}
		if found {
			return
		}
	}
	if w.encoded && encodedAsFields(v.Type()) {
		return // an encoder writes its fields, not its Error text
	}
	w.out = append(w.out, v)
}

// encodedAsFields reports whether an encoder writes a value of type t as
// its fields: a struct (or a pointer to one), not an interface, that
// marshals itself neither as JSON nor as text. An error of such a type
// sends its fields, whose labels the checks follow, not its Error text.
func encodedAsFields(t types.Type) bool {
	if types.IsInterface(t) {
		return false
	}
	elem := t
	if p, ok := wholeprog.TypeUnder(t).(*types.Pointer); ok {
		elem = p.Elem()
	}
	if _, ok := wholeprog.TypeUnder(elem).(*types.Struct); !ok {
		return false
	}
	ms := types.NewMethodSet(types.NewPointer(elem))
	for _, m := range []string{"MarshalJSON", "MarshalText"} {
		if ms.Lookup(nil, m) != nil {
			return false
		}
	}
	return true
}

// flows walks the arguments whose text a library call's result keeps
// (strings.ReplaceAll, html.EscapeString, fmt.Sprintf: the flows of
// the knowledge tables); false when the call is not one.
func (w *leafWalk) flows(c *ssa.Call) bool {
	obj, _ := callee(c.Common())
	if obj == nil {
		return false
	}
	fl, ok := knowledge.Flows[knowledge.FullName(obj)]
	if !ok {
		return false
	}
	args := callArgs(c.Common())
	found := false
	for _, f := range fl {
		if f.ToArg >= 0 || f.To != 0 {
			continue
		}
		i := f.From
		if i == knowledge.VariadicArgs {
			i = len(args) - 1
		}
		if i >= 0 && i < len(args) {
			w.walk(args[i])
			found = true
		}
	}
	return found
}

// literal walks the parts of a composite literal built in alloc (a
// struct's fields, an array's elements, a pointer to a map literal);
// false when alloc is not one.
func (w *leafWalk) literal(alloc *ssa.Alloc) bool {
	found := false
	for _, ref := range *alloc.Referrers() {
		switch r := ref.(type) {
		case *ssa.Store:
			if r.Addr == alloc {
				w.walk(r.Val)
				found = true
			}
		case *ssa.FieldAddr:
			if w.encoded && !fieldEncoded(r) {
				found = true // a field of the literal that no encoder writes
				continue
			}
			found = w.stores(r) || found
		case *ssa.IndexAddr:
			found = w.stores(r) || found
		}
	}
	return found
}

// fieldEncoded reports whether an encoder writes the struct field fa
// addresses: it is exported and not tagged json:"-".
func fieldEncoded(fa *ssa.FieldAddr) bool {
	p, ok := wholeprog.TypeUnder(fa.X.Type()).(*types.Pointer)
	if !ok {
		return true
	}
	st, ok := wholeprog.TypeUnder(p.Elem()).(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return true
	}
	return encodedField(st, fa.Field)
}

func (w *leafWalk) stores(addr ssa.Value) bool {
	found := false
	for _, ref := range *addr.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == addr {
			w.walk(st.Val)
			found = true
		}
	}
	return found
}

// IsErrorValue reports whether v, behind interface conversions, is an
// error: a value whose text a body would show.
func IsErrorValue(v ssa.Value) bool {
	return types.Implements(Strip(v).Type(), errorInterface)
}

// IsPanicValue reports whether v is a recovered panic: the result of
// recover(), or the value a panic handler of httprouter's shape,
// func(http.ResponseWriter, *http.Request, interface{}), is given. Its
// text (a runtime error, an index out of range, a nil dereference in our
// code or a library's) is internal whatever produced it.
func IsPanicValue(v ssa.Value) bool {
	switch x := Strip(v).(type) {
	case *ssa.Call:
		b, ok := x.Call.Value.(*ssa.Builtin)
		return ok && b.Name() == "recover"
	case *ssa.Parameter:
		fn := x.Parent()
		if len(fn.Params) != 3 || fn.Params[2] != x || !types.IsInterface(x.Type()) {
			return false
		}
		return knowledge.IsNamed(fn.Params[0].Type(), "net/http", "ResponseWriter") && knowledge.IsPtrTo(fn.Params[1].Type(), "net/http", "Request")
	}
	return false
}

// OwnErrorText reports whether the error err, where block b runs, is
// provably ours on every path: nil, a sentinel or a constant error, an
// error of a type of this package whose Error method returns constants,
// an error about the client's input (decoding or binding the request,
// validating it, parsing a parameter), or an error made of only these
// (fmt.Errorf("bad id: %w", strconvErr)). An error of unknown origin is
// not: it may carry whatever our dependencies said.
func (e *Engine) OwnErrorText(b *ssa.BasicBlock, err ssa.Value) bool {
	if SentinelGuarded(b, err) || NarrowedToConstants(b, err) {
		return true
	}
	o := ownWalk{seen: make(map[ssa.Value]bool), prog: b.Parent().Prog, importFact: e.importFact, clientWriter: e.IsClientWriter, dynOwn: e.dynOwnErrors, e: e}
	return o.own(err, 0)
}

// OwnErrors reports whether every error fn returns is provably ours
// (OwnErrorText of each returned error): exported as a fact, so that
// callers in other packages know a token parser or a validator of the
// module returns only such errors.
func (e *Engine) OwnErrors(fn *ssa.Function) bool {
	o := ownWalk{seen: make(map[ssa.Value]bool), prog: fn.Prog, importFact: e.importFact, clientWriter: e.IsClientWriter, dynOwn: e.dynOwnErrors, e: e}
	return o.returns(fn, 0)
}

type ownWalk struct {
	seen         map[ssa.Value]bool
	prog         *ssa.Program
	importFact   func(*types.Func) *wholeprog.FuncFact
	clientWriter func(ssa.Value) bool
	dynOwn       func(*ssa.CallCommon) bool // every implementation of a dynamic call returns only our own errors
	e            *Engine                    // for the stores reaching a load
}

// maxOwnCalls bounds how deep OwnErrorText follows the returns of the
// package's own functions.
const maxOwnCalls = 3

func (o *ownWalk) own(v ssa.Value, calls int) bool {
	v = Strip(v)
	if o.seen[v] {
		return true // a cycle adds no new text
	}
	if len(o.seen) > maxTextWalk {
		return false // unknown: not provably ours
	}
	o.seen[v] = true
	if isSentinel(v) {
		return true
	}
	switch x := v.(type) {
	case *ssa.Const:
		return true
	case *ssa.Phi:
		for _, in := range x.Edges {
			if !o.own(in, calls) {
				return false
			}
		}
		return true
	case *ssa.Extract:
		if c, ok := x.Tuple.(*ssa.Call); ok {
			return o.call(c, calls)
		}
	case *ssa.Call:
		return o.call(x, calls)
	case *ssa.UnOp:
		if alloc, ok := x.X.(*ssa.Alloc); ok && x.Op == token.MUL {
			if o.e != nil {
				// the stores that reach this load on every path (a named
				// result reloaded after the defers run)
				if sts := reachingStore(x, o.e, alloc, ""); sts != nil {
					for _, st := range sts {
						if NarrowedToConstants(st.Block(), st.Val) || o.e.narrowedCellLoad(st.Block(), st.Val) {
							continue // known nil where it is stored
						}
						if !o.own(st.Val, calls) {
							return false
						}
					}
					return true
				}
			}
			return o.cell(alloc, calls)
		}
	case *ssa.Alloc:
		return o.fixedType(v.Type()) // &ourError{…}
	}
	if _, ok := v.Type().Underlying().(*types.Struct); ok {
		return o.fixedType(v.Type())
	}
	return false
}

// cell: an error variable in a cell (captured, or the named result of a
// function with a defer) is ours when everything stored into it is.
func (o *ownWalk) cell(alloc *ssa.Alloc, calls int) bool {
	return cellHolds(alloc, func(v ssa.Value) bool { return o.own(v, calls) })
}

func (o *ownWalk) call(c *ssa.Call, calls int) bool {
	cc := c.Common()
	if o.dynOwn != nil && o.dynOwn(cc) {
		return true
	}
	obj, fn := callee(cc)
	if obj == nil {
		return false
	}
	args := callArgs(cc)
	if kinds := SourceKindsOf(obj, knowledge.FullName(obj), o.e.Deps); slices.Contains(kinds, knowledge.KindResponse) && forwardsServedRequest(c, args) {
		return true // a forward proxy's error is about the client's own request
	}
	if o.clientWriter != nil && writesToClient(obj, args, o.clientWriter) {
		return true // the write to this client failed: its text cannot reach it, and names nothing of our dependencies
	}
	if row, ok := clientInputRow(obj); ok {
		return row.Request < 0 || (row.Request < len(args) && fromServedRequest(args[row.Request]))
	}
	if obj.Pkg() != nil && knowledge.ErrorPackages[obj.Pkg().Path()] {
		// errors.New(msg), fmt.Errorf("…: %w", err), errors.Wrap(err, …),
		// errors.Join(a, b): ours when what they are made of is.
		for _, a := range cc.Args {
			for _, leaf := range TextLeaves(a, nil) {
				if IsErrorValue(leaf) && !o.own(leaf, calls) {
					return false
				}
			}
		}
		return true
	}
	// A function of this package: ours when every error it returns is;
	// of another package: when its fact says so.
	if fn != nil && fn.Blocks != nil && fn.Pkg == c.Parent().Pkg {
		return calls < maxOwnCalls && o.returns(fn, calls+1)
	}
	if o.importFact != nil && obj.Pkg() != nil && obj.Pkg() != c.Parent().Pkg.Pkg {
		if ff := o.importFact(obj.Origin()); ff != nil {
			return ff.OwnErrors
		}
	}
	return false
}

// returns reports whether every error fn returns is ours.
func (o *ownWalk) returns(fn *ssa.Function, calls int) bool {
	res := fn.Signature.Results()
	if res.Len() == 0 || !knowledge.IsErrorType(res.At(res.Len()-1).Type()) || fn.Blocks == nil {
		return false
	}
	for _, blk := range fn.Blocks {
		ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 || blk == fn.Recover {
			continue
		}
		r := ret.Results[len(ret.Results)-1]
		if !NarrowedToConstants(blk, r) && !SentinelGuarded(blk, r) && !o.own(r, calls) {
			return false
		}
	}
	return true
}

// writesToClient reports whether a call only writes into the client's
// response: ResponseWriter.Write, io.Copy(w, …), fmt.Fprint(w, …).
func writesToClient(obj *types.Func, args []ssa.Value, clientWriter func(ssa.Value) bool) bool {
	if i, ok := knowledge.WriterCalls[knowledge.FullName(obj)]; ok {
		return i < len(args) && clientWriter(args[i])
	}
	switch obj.Name() {
	case "Write", "WriteString":
		sig, _ := obj.Type().(*types.Signature)
		return sig != nil && sig.Recv() != nil && len(args) > 0 && clientWriter(args[0])
	}
	return false
}

// fixedType reports whether t is an error type of this package whose
// Error method returns constants only.
func (o *ownWalk) fixedType(t types.Type) bool {
	named := recvNamed(t)
	if named == nil || named.Obj().Pkg() == nil || o.prog.Package(named.Obj().Pkg()) == nil {
		return false // only types whose package the program holds: methods of others are not built
	}
	ms := types.NewMethodSet(t)
	sel := ms.Lookup(named.Obj().Pkg(), "Error")
	if sel == nil {
		return false
	}
	fn := o.prog.MethodValue(sel)
	if fn == nil || fn.Blocks == nil {
		return false
	}
	for _, blk := range fn.Blocks {
		ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		for _, r := range ret.Results {
			if _, ok := r.(*ssa.Const); !ok {
				return false
			}
		}
	}
	return true
}

// fromServedRequest reports whether v is read from the request being
// served: r.Body, bytes read from it, a decoder over it, or anything a
// framework's request context gives.
func fromServedRequest(v ssa.Value) bool {
	seen := make(map[ssa.Value]bool)
	var walk func(v ssa.Value, depth int) bool
	walk = func(v ssa.Value, depth int) bool {
		v = Strip(v)
		if seen[v] || depth > 10 {
			return false
		}
		seen[v] = true
		if knowledge.IsPtrTo(v.Type(), "net/http", "Request") || isHandlerContext(v.Type()) {
			return true
		}
		switch x := v.(type) {
		case *ssa.UnOp:
			return walk(x.X, depth+1)
		case *ssa.FieldAddr:
			return walk(x.X, depth+1)
		case *ssa.Field:
			return walk(x.X, depth+1)
		case *ssa.Slice:
			return walk(x.X, depth+1)
		case *ssa.Extract:
			return walk(x.Tuple, depth+1)
		case *ssa.Call:
			// Only calls that hand on what they read: a method of the
			// request or of a request context (c.Body(), c.GetRawData()),
			// http.MaxBytesReader, and the readers and copies of the flows
			// table (io.ReadAll, json.NewDecoder, bytes.NewReader). Anything
			// else computed from the request (a token exchange, a query
			// keyed by a parameter) is not what the client sent.
			obj, _ := callee(x.Common())
			if obj == nil {
				return false
			}
			args := callArgs(x.Common())
			if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() != nil && len(args) > 0 {
				if rt := sig.Recv().Type(); knowledge.IsPtrTo(rt, "net/http", "Request") || isHandlerContext(rt) {
					return true
				}
			}
			name := knowledge.FullName(obj)
			if name == "net/http.MaxBytesReader" && len(args) == 3 {
				return walk(args[1], depth+1)
			}
			for _, f := range knowledge.Flows[name] {
				if f.ToArg < 0 && f.From >= 0 && f.From < len(args) && walk(args[f.From], depth+1) {
					return true
				}
			}
		case *ssa.Phi:
			for _, in := range x.Edges {
				if walk(in, depth+1) {
					return true
				}
			}
		}
		return false
	}
	return walk(v, 0)
}
