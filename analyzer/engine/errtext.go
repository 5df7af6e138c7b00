package engine

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
)

// Questions about the text of errors, whatever their origin: which
// errors a response body shows, and whether an error is provably our
// own fixed text or about the client's input. The server-error status
// rule of the leak check rests on them: an error sent with a 5xx status
// is internal unless one of these says otherwise (docs/design.md).

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
	w := leafWalk{seen: make(map[ssa.Value]bool), edge: edge, encoded: !shapes.IsFmtCall(ev.Instr)}
	w.walk(ev.Value)
	return w.out
}

// TextLeavesOf is TextLeaves that also walks into the objects the
// package's constructors and those of its imports build: the arguments
// a constructor stores into the fields of what it returns
// (errs.InternalServerError(err.Error()) keeps err's text in Message).
func (e *Engine) TextLeavesOf(v ssa.Value, edge EdgeFilter) []ssa.Value {
	w := leafWalk{seen: make(map[ssa.Value]bool), edge: edge, fields: e.storedArgs}
	w.walk(v)
	return w.out
}

// SentTextLeavesOf is SentTextLeaves with constructors walked, as
// TextLeavesOf.
func (e *Engine) SentTextLeavesOf(ev SinkEvent, edge EdgeFilter) []ssa.Value {
	w := leafWalk{seen: make(map[ssa.Value]bool), edge: edge, encoded: !shapes.IsFmtCall(ev.Instr), fields: e.storedArgs}
	w.walk(ev.Value)
	return w.out
}

// storedArgs returns the arguments of a call that its callee stores into
// the fields of the object it returns (by its setter summary), and
// whether the callee is such a constructor.
func (e *Engine) storedArgs(call *ssa.Call) ([]ssa.Value, bool) {
	s := e.callSetters(call)
	if s == nil || len(s.sets) == 0 {
		return nil, false
	}
	args := call.Common().Args
	var out []ssa.Value
	for _, set := range s.sets {
		if set.param >= 0 && set.param < len(args) {
			out = append(out, args[set.param])
		}
	}
	return out, true
}

type leafWalk struct {
	seen    map[ssa.Value]bool
	edge    EdgeFilter
	encoded bool // the fields an encoder skips are not walked
	fields  func(*ssa.Call) ([]ssa.Value, bool)
	out     []ssa.Value
}

func (w *leafWalk) walk(v ssa.Value) {
	v = shapes.Strip(v)
	if w.seen[v] || len(w.seen) > shapes.MaxTextWalk {
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
		if root := shapes.ErrorRoot(x); root != x {
			w.out = append(w.out, root)
			return
		}
		if w.flows(x) {
			return
		}
		if w.fields != nil {
			if args, ok := w.fields(x); ok {
				for _, a := range args {
					w.walk(a)
				}
				return
			}
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
	if w.encoded && shapes.EncodedAsFields(v.Type()) {
		return // an encoder writes its fields, not its Error text
	}
	w.out = append(w.out, v)
}

// flows walks the arguments whose text a library call's result keeps
// (strings.ReplaceAll, html.EscapeString, fmt.Sprintf: the flows of
// the knowledge tables); false when the call is not one.
func (w *leafWalk) flows(c *ssa.Call) bool {
	obj, _ := shapes.Callee(c.Common())
	if obj == nil {
		return false
	}
	fl, ok := knowledge.Flows[knowledge.FullName(obj)]
	if !ok {
		return false
	}
	args := shapes.CallArgs(c.Common())
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
			if w.encoded && !shapes.FieldEncoded(r) {
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

// OwnErrorText reports whether the error err, where block b runs, is
// provably ours on every path: nil, a sentinel or a constant error, an
// error of a type of this package whose Error method returns constants,
// an error about the client's input (decoding or binding the request,
// validating it, parsing a parameter), or an error made of only these
// (fmt.Errorf("bad id: %w", strconvErr)). An error of unknown origin is
// not: it may carry whatever our dependencies said.
func (e *Engine) OwnErrorText(b *ssa.BasicBlock, err ssa.Value) bool {
	if shapes.SentinelGuarded(b, err) || shapes.NarrowedToConstants(b, err) || e.OwnTypeGuarded(b, err) {
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

func (o *ownWalk) own(v ssa.Value, calls int) bool {
	v = shapes.Strip(v)
	if o.seen[v] {
		return true // a cycle adds no new text
	}
	if len(o.seen) > shapes.MaxTextWalk {
		return false // unknown: not provably ours
	}
	o.seen[v] = true
	if shapes.IsSentinel(v) {
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
						if shapes.NarrowedToConstants(st.Block(), st.Val) || o.e.narrowedCellLoad(st.Block(), st.Val) {
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
	return shapes.CellHolds(alloc, func(v ssa.Value) bool { return o.own(v, calls) })
}

func (o *ownWalk) call(c *ssa.Call, calls int) bool {
	cc := c.Common()
	if o.dynOwn != nil && o.dynOwn(cc) {
		return true
	}
	obj, fn := shapes.Callee(cc)
	if obj == nil {
		return false
	}
	args := shapes.CallArgs(cc)
	if kinds := shapes.SourceKindsOf(obj, knowledge.FullName(obj), o.e.Deps); (slices.Contains(kinds, knowledge.KindResponse) || shapes.HTTPResponseCall(obj.Signature())) && shapes.ForwardsServedRequest(c, args) {
		return true // a forward proxy's error is about the client's own request
	}
	if o.clientWriter != nil && shapes.WritesToClient(obj, args, o.clientWriter) {
		return true // the write to this client failed: its text cannot reach it, and names nothing of our dependencies
	}
	if shapes.SendsToClientStream(obj) {
		return true // the send on the client's own stream failed: as a failed write
	}
	if row, ok := shapes.ClientInputRow(obj); ok {
		return row.Request < 0 || (row.Request < len(args) && shapes.FromServedRequest(args[row.Request], o.e.rpcRequest))
	}
	if i, ok := knowledge.JSONMarshalers[knowledge.FullName(obj)]; ok && i < len(args) && shapes.JSONCannotFail(shapes.Strip(args[i]).Type()) {
		return true // json.Marshal of a value that cannot fail to encode: nil
	}
	if obj.Pkg() != nil && knowledge.ErrorPackages[obj.Pkg().Path()] {
		// errors.New(msg), fmt.Errorf("…: %w", err), errors.Wrap(err, …),
		// errors.Join(a, b): ours when what they are made of is.
		for _, a := range cc.Args {
			for _, leaf := range TextLeaves(a, nil) {
				if shapes.IsErrorValue(leaf) && !o.own(leaf, calls) {
					return false
				}
			}
		}
		return true
	}
	// A function of this package: ours when every error it returns is;
	// of another package: when its fact says so.
	if fn != nil && fn.Blocks != nil && fn.Pkg == c.Parent().Pkg {
		return calls < shapes.MaxOwnCalls && o.returns(fn, calls+1)
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
		if !shapes.NarrowedToConstants(blk, r) && !shapes.SentinelGuarded(blk, r) && !o.own(r, calls) {
			return false
		}
	}
	return true
}

// fixedType reports whether t is an error type of this package whose
// Error method returns constants only.
func (o *ownWalk) fixedType(t types.Type) bool {
	named := shapes.RecvNamed(t)
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

// OwnTypeGuarded reports whether b runs only where errors.As(err,
// &target) found in err, or a comma-ok type assertion found err to be, a
// value of an error type of the module that holds no other error
// (ownTextErrorType): the text is that type's, ours.
func (e *Engine) OwnTypeGuarded(b *ssa.BasicBlock, err ssa.Value) bool {
	return shapes.AsGuarded(b, err, e.ownTextErrorType)
}

// ownTextErrorType reports whether t is an error type of the module
// (ownErrorType) that holds no other error: its text is made by the
// module from what it keeps, not a wrapped dependency's (a type with an
// Err error field, or one of type any, shows the error it holds). An
// error interface of the module with a method of its own counts, as it
// does for a type assertion.
func (e *Engine) ownTextErrorType(t types.Type) bool {
	if !e.ownErrorType(t) {
		return false
	}
	if _, ok := t.Underlying().(*types.Interface); ok {
		return true // an error interface of the module with a method of its own, as for err.(T) (ownErrorType)
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if mayHoldError(st.Field(i).Type(), 0) {
			return false
		}
	}
	return true
}

// mayHoldError reports whether a field of type t may hold an error: an
// error type, or an interface (any), or a pointer, slice, array or map of
// one (flagr's Error{Message string; Values []any} formats the errors
// its callers pass).
func mayHoldError(t types.Type, depth int) bool {
	if depth > 4 {
		return true
	}
	if types.Implements(t, shapes.ErrorInterface) || types.Implements(types.NewPointer(t), shapes.ErrorInterface) {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Interface:
		return true
	case *types.Pointer:
		return mayHoldError(u.Elem(), depth+1)
	case *types.Slice:
		return mayHoldError(u.Elem(), depth+1)
	case *types.Array:
		return mayHoldError(u.Elem(), depth+1)
	case *types.Map:
		return mayHoldError(u.Elem(), depth+1)
	}
	return false
}
