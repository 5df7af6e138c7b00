package engine

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"sync"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
)

// Engine answers provenance questions about the SSA values of one
// package: does a value come from an upstream, and from which call.
// It is demand-driven: labels are computed for the values a question
// reaches, memoised, and cycles are cut (a value on a cycle being
// computed contributes nothing, which can only drop findings).
//
// An Engine is not safe for concurrent use: drivers run the checks of a
// package in parallel, so each check holds the engine's lock (Lock,
// Unlock) while it asks its questions.
//
// The walk rule, for this package and the checks: real SSA is full of
// cycles (phis around loops, a cell stored with a load of itself, the
// named results of a function with a defer, closures that capture
// themselves, recursive types, recursive and mutually recursive
// functions), and a stack overflow is fatal, not a recoverable panic:
// it ends a standalone or golangci-lint run whole. So every recursive
// walk over SSA values, instructions, blocks, types or summaries carries
// either a visited set (or a memo with an in-progress mark, like Labels,
// LocalSummary, Events and IsClientWriter) or a depth bound, and a walk
// that branches (over phi edges, stores, referrers) takes the visited
// set: a depth bound alone lets it grow exponentially. On top of that,
// the engine spends at most Budget units of work on one function (see
// spend); past it the function is given up, silently: its findings and
// its summary are dropped, which can only lose findings.
type Engine struct {
	sync.Mutex

	Pkg   *ssa.Package
	Funcs []*ssa.Function // source functions of the package, literals included, in source order

	importFact func(*types.Func) *wholeprog.FuncFact

	memo          map[ssa.Value]labels.Labels
	stores        map[ssa.Value][]storeEntry
	firstPass     map[ssa.Value][]storeEntry // the store index before loads were resolved (see onlyStore)
	devirt        map[devirtKey]*ssa.Function
	impls         map[*types.Interface][]types.Type // the package's types implementing an interface of the package
	concrete      []types.Type                      // the package's concrete named types
	closures      map[*ssa.Function]*ssa.MakeClosure
	summaries     map[*ssa.Function]*Summary
	setterSums    map[*ssa.Function]*setterSummary
	events        map[*ssa.Function][]SinkEvent
	condEvents    map[*ssa.Function][]condEvent     // sinks writing to a writer parameter
	forwarded     map[forwardKey]bool               // ForwardedOnPath, memoised
	byRoot        map[*ssa.Function][]*ssa.Function // the functions of each outer function, literals included (ForwardedOnPath)
	reachable     map[*ssa.BasicBlock][]bool        // the blocks each block reaches (reaches)
	writerTypes   map[writerKey]bool
	clientWriters map[ssa.Value]bool // IsClientWriter, memoised

	serviceTypes map[*types.TypeName]map[string]bool // types registered as gRPC services, with their service methods
	typed        map[typedKey]typedWriter            // writerMethod, memoised
	serverIfaces []*types.Interface                  // RPC service interfaces of generated server constructors (implementsServer)
	delegates    map[*ssa.Function]Via               // the functions of the package that generated service methods of the package return the answer of (isDelegate)

	// Generated reports whether a position of the package is in a
	// generated file (shapes.GeneratedFile); nil: none is.
	Generated func(token.Pos) bool

	// Whole-program resolution (package wholeprog): Dynamic makes symbolic
	// labels for calls through the module's interfaces and func-typed
	// fields (Module is the module's path); Prog, in the second phase,
	// resolves them; DynSeen are the keys met.
	Dynamic bool
	Module  string
	Prog    *wholeprog.Program
	DynSeen map[string]wholeprog.DynSite
	// Sum is, in phase 1, what the package tells the join (DynSeen is
	// its Dynamic), and ifaceSigs the method sets of the interfaces met.
	Sum       *wholeprog.PackageSummary
	ifaceSigs map[*types.Interface][]wholeprog.MethodSig

	OwnHandlers []knowledge.InstalledHandler                   // the error handlers the package installs (HandlerReturns)
	debugBlocks map[*ssa.BasicBlock]bool                       // DebugOnly, memoised
	statusMemo  map[*ssa.Function][]StatusReturn               // StatusReturns, memoised
	adapters    map[*ssa.Function][]knowledge.InstalledHandler // the error-returning adapter types each function is converted to
	preset      map[*ssa.Function]bool                         // PresetStatus, computed once

	// Budget is the work the engine may spend on one function, in units:
	// one per label computation plus the size of the label set it
	// produces, one per writer question and per call examined for sink
	// events, one per instruction scanned for a reaching store. Zero
	// means DefaultBudget.
	Budget int
	work   map[*ssa.Function]*workCount
	Stats  *Stats // nil unless Shared.CollectStats was called
	// Deps are the user's dependency client packages (Config.Deps)
	Deps *knowledge.PathPrefixes
}

// DefaultBudget is the work per function after which the engine gives
// up on it. Every function of the corpus and of the standard library
// needs far less (docs/speed.md, "Work budget"); only pathological code (huge
// generated functions with thousands of upstream calls) reaches it.
const DefaultBudget = 1_000_000

// workCount is the work spent on one function.
type workCount struct {
	n      int
	gaveUp bool
}

// spend charges n units of work to fn, and reports whether fn is still
// within its budget. The first time it is not, fn is given up. It runs
// for every value the engine follows: one map look-up.
func (e *Engine) spend(fn *ssa.Function, n int) bool {
	if fn == nil {
		return true
	}
	c := e.work[fn]
	if c == nil {
		c = new(workCount)
		e.work[fn] = c
		if e.Stats != nil {
			e.Stats.Funcs++
		}
	}
	if c.gaveUp {
		return false
	}
	c.n += n
	if e.Stats != nil {
		e.Stats.Work += n
		if c.n > e.Stats.Max {
			e.Stats.Max, e.Stats.MaxFunc = c.n, fn.String()
		}
	}
	budget := e.Budget
	if budget <= 0 {
		budget = DefaultBudget
	}
	if c.n > budget {
		c.gaveUp = true
		if e.Stats != nil {
			e.Stats.GaveUp = append(e.Stats.GaveUp, fn.String())
		}
		return false
	}
	return true
}

// GaveUp reports whether the engine gave up on fn, or on the function
// literal's enclosing function, for running out of budget: nothing
// should be reported there, since what the engine knows of it is partial.
func (e *Engine) GaveUp(fn *ssa.Function) bool {
	for ; fn != nil; fn = fn.Parent() {
		if c := e.work[fn]; c != nil && c.gaveUp {
			return true
		}
	}
	return false
}

// Stats is what an engine did in a package, for the -debug.stats output
// of the standalone command and for tests.
type Stats struct {
	Pkg    string   // the package's import path
	Funcs  int      // functions that cost any work
	Work   int      // units of work spent, in all
	GaveUp []string // functions given up, over budget

	Max     int    // the most work spent on one function
	MaxFunc string // that function
}

// A storeEntry is a write of labels into the memory under a root value.
type storeEntry struct {
	path   string
	labels func() labels.Labels
	val    ssa.Value // the stored value of a plain store, or nil
}

// Summary is what callers need to know about a function.
type Summary struct {
	Results []labels.Labels       // per result: labels relative to the function (KindParam labels owned by it)
	Sinks   []knowledge.SinkParam // parameters that reach a sink
	Effects []Effect              // labels stored through pointer parameters
}

func (s *Summary) Empty() bool {
	if s == nil {
		return true
	}
	for _, r := range s.Results {
		if len(r) > 0 {
			return false
		}
	}
	return len(s.Sinks) == 0 && len(s.Effects) == 0
}

// Effect says that labels are stored at Path under pointer parameter Param.
type Effect struct {
	Param  int
	Path   string
	Labels labels.Labels
}

// A SinkEvent is a call that answers the client with an argument.
type SinkEvent struct {
	Role   knowledge.Role
	Instr  ssa.CallInstruction
	Arg    int // index into the call's arguments, receiver first
	Value  ssa.Value
	Labels labels.Labels
	Via    *types.Func // helper through which the sink is reached; nil for a direct sink
	Proxy  bool
	// OwnBody: the helper sends this status with a body of its own, not
	// with the body it forwards on other paths (SinkParam.OwnBody).
	OwnBody bool
	// StatusArg is the argument of the same call that sets the status
	// (http.Error's code), or -1.
	StatusArg int
	// Partial is set when a helper writes only a part of the argument
	// (a field of it), or embeds it in a payload of its own: Value is not
	// what the client receives.
	Partial bool
	// Handoff marks a body event inferred, not modelled: an upstream body
	// handed, whole, to a call that also receives the client's writer
	// (a copy loop of a proxy). It counts as forwarding the body; it is
	// not evidence of what the callee writes.
	Handoff bool
	// Reads is, for a helper's sink, what the helper reads of the
	// argument before writing it (SinkParam.Reads: a field, "text"…).
	Reads string
	// SinkPath is, for a helper's sink, where in the body it writes the
	// argument (SinkParam.Path: the field of its payload).
	SinkPath string
	// HelperStatus is the constant status the helper Via sends this body
	// with (SinkParam.Status), else 0.
	HelperStatus int
	// Covered: the helper reports this argument itself (SinkParam.Covered).
	Covered bool
	// HelperWritesStatus: the helper writes a status before this body on
	// every path (SinkParam.StatusWritten), whatever its value.
	HelperWritesStatus bool
	// No5xx: the helper does not send this argument when the status it
	// is given is a server error (SinkParam.No5xx).
	No5xx bool
	// OnFailure: the helper sends this response's body only where the
	// response failed (SinkParam.OnFailure).
	OnFailure bool
}

// NewEngine prepares an engine for a built SSA package.
func NewEngine(pkg *ssa.Package, funcs []*ssa.Function, importFact func(*types.Func) *wholeprog.FuncFact) *Engine {
	e := &Engine{
		Pkg:           pkg,
		Funcs:         funcs,
		importFact:    importFact,
		memo:          make(map[ssa.Value]labels.Labels),
		stores:        make(map[ssa.Value][]storeEntry),
		closures:      make(map[*ssa.Function]*ssa.MakeClosure),
		summaries:     make(map[*ssa.Function]*Summary),
		setterSums:    make(map[*ssa.Function]*setterSummary),
		events:        make(map[*ssa.Function][]SinkEvent),
		condEvents:    make(map[*ssa.Function][]condEvent),
		devirt:        make(map[devirtKey]*ssa.Function),
		impls:         make(map[*types.Interface][]types.Type),
		forwarded:     make(map[forwardKey]bool),
		reachable:     make(map[*ssa.BasicBlock][]bool),
		writerTypes:   make(map[writerKey]bool),
		clientWriters: make(map[ssa.Value]bool),
		work:          make(map[*ssa.Function]*workCount),
		typed:         make(map[typedKey]typedWriter),
		statusMemo:    make(map[*ssa.Function][]StatusReturn),
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if mc, ok := instr.(*ssa.MakeClosure); ok {
					if f, ok := mc.Fn.(*ssa.Function); ok {
						e.closures[f] = mc
					}
				}
			}
		}
	}
	// Two passes: loc resolves loads of variables assigned once through
	// an index of the plain whole-variable stores (onlyStore), which
	// must be complete first.
	firstPass := make(map[ssa.Value][]storeEntry)
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok {
					if root, path := e.loc(st.Addr, 0); root != nil && path == "" {
						firstPass[root] = append(firstPass[root], storeEntry{val: st.Val})
					}
				}
			}
		}
	}
	e.firstPass = firstPass
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				e.indexStore(instr)
			}
		}
	}
	return e
}

func (e *Engine) addStore(addr ssa.Value, extra string, get func() labels.Labels) {
	root, path := e.loc(addr, 0)
	if root == nil {
		return
	}
	e.stores[root] = append(e.stores[root], storeEntry{path: labels.JoinPath(path, extra), labels: get})
}

func (e *Engine) indexStore(instr ssa.Instruction) {
	if e.DebugOnly(instr.Block()) {
		return // shown only in a debug mode: a decision (debug.go)
	}
	switch in := instr.(type) {
	case *ssa.Store:
		v := in.Val
		root, path := e.loc(in.Addr, 0)
		if root != nil {
			e.stores[root] = append(e.stores[root], storeEntry{path: path, labels: func() labels.Labels { return e.Labels(v) }, val: v})
		}
	case *ssa.MapUpdate:
		v := in.Value
		e.addStore(in.Map, "[]", func() labels.Labels { return e.Labels(v) })
	case *ssa.Send:
		v := in.X
		e.addStore(in.Chan, "[]", func() labels.Labels { return e.Labels(v) })
	case ssa.CallInstruction:
		cc := in.Common()
		obj, fn := shapes.Callee(cc)
		args := shapes.CallArgs(cc)
		if obj != nil {
			name := knowledge.FullName(obj)
			for _, f := range knowledge.Flows[name] {
				if f.ToArg < 0 || f.ToArg >= len(args) || f.From >= len(args) {
					continue
				}
				src := args[f.From]
				ops := f.Ops
				e.addStore(args[f.ToArg], "", func() labels.Labels { return e.Labels(src).ApplyOps(ops) })
			}
			if fl, ok := knowledge.Fills[name]; ok && fl.Arg < len(args) {
				pos := in.Pos()
				e.addStore(args[fl.Arg], fl.Path, func() labels.Labels { return labels.Labels{{Kind: fl.Kind, Origin: pos}} })
			}
		}
		if obj == nil && fn == nil {
			return
		}
		// Stores a callee makes through its pointer parameters.
		call := in
		for i := range args {
			i := i
			e.addStore(args[i], "", func() labels.Labels {
				s, key := e.summary(obj, fn)
				var out labels.Labels
				if s == nil {
					return nil
				}
				for _, ef := range s.Effects {
					if ef.Param == i {
						out = out.Union(e.resolve(ef.Labels, key, call, args).Prefixed(ef.Path))
					}
				}
				return out
			})
		}
	}
}

// loc resolves an address to the root value of the memory it points
// into and the path of steps below that root.
func (e *Engine) loc(addr ssa.Value, depth int) (ssa.Value, string) {
	if depth > 16 {
		return nil, ""
	}
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		root, p := e.loc(a.X, depth+1)
		return root, labels.JoinPath(p, shapes.FieldName(a.X.Type(), a.Field, true))
	case *ssa.IndexAddr:
		root, p := e.loc(a.X, depth+1)
		return root, labels.JoinPath(p, "[]")
	case *ssa.Slice:
		return e.loc(a.X, depth+1)
	case *ssa.ChangeType:
		return e.loc(a.X, depth+1)
	case *ssa.MakeInterface:
		return e.loc(a.X, depth+1)
	case *ssa.Call:
		// json.NewEncoder(&buf): what is written into the wrapper is
		// written into the writer it wraps
		if obj, _ := shapes.Callee(a.Common()); obj != nil && knowledge.WriterWrappers[knowledge.FullName(obj)] {
			if args := shapes.CallArgs(a.Common()); len(args) > 0 {
				return e.loc(args[0], depth+1)
			}
		}
	case *ssa.FreeVar:
		if b := e.binding(a); b != nil {
			return e.loc(b, depth+1)
		}
	case *ssa.UnOp:
		// A slice, map or pointer loaded from a variable assigned once
		// (often captured by closures or goroutines, each loading it):
		// the memory is that of the one value stored.
		if a.Op == token.MUL {
			if r, p := e.loc(a.X, depth+1); p == "" {
				if v := e.onlyStore(r); v != nil {
					return e.loc(v, depth+1)
				}
			}
		}
	}
	return addr, ""
}

// onlyStore returns the value of the single plain store into a local
// variable, or nil when it has none, several, or partial ones.
func (e *Engine) onlyStore(root ssa.Value) ssa.Value {
	if _, ok := root.(*ssa.Alloc); !ok {
		return nil
	}
	var only ssa.Value
	for _, st := range e.firstPass[root] {
		if st.val == nil || st.path != "" || only != nil {
			return nil
		}
		only = st.val
	}
	return only
}

// binding returns the value a closure's free variable is bound to.
func (e *Engine) binding(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	mc := e.closures[fn]
	if mc == nil {
		return nil
	}
	for i, f := range fn.FreeVars {
		if f == fv && i < len(mc.Bindings) {
			return mc.Bindings[i]
		}
	}
	return nil
}

// Labels returns what is known about the upstream provenance of v.
func (e *Engine) Labels(v ssa.Value) labels.Labels {
	if v == nil {
		return nil
	}
	if ls, ok := e.memo[v]; ok {
		return ls
	}
	e.memo[v] = nil // in progress: a cycle contributes nothing
	fn := v.Parent()
	if !e.spend(fn, 1) {
		return nil // over budget: the function is given up
	}
	ls := e.compute(v)
	for _, s := range e.stores[v] {
		ls = ls.Union(s.labels().Prefixed(s.path))
	}
	ls = ls.Clip()
	if !e.spend(fn, len(ls)) {
		return nil
	}
	e.memo[v] = ls
	return ls
}

func (e *Engine) compute(v ssa.Value) labels.Labels {
	switch v := v.(type) {
	case *ssa.Parameter:
		fn := v.Parent()
		for i, p := range fn.Params {
			if p == v {
				return labels.Labels{{Kind: knowledge.KindParam, Param: i, Owner: fn}}
			}
		}
	case *ssa.FreeVar:
		return e.Labels(e.binding(v))
	case *ssa.Phi:
		var out labels.Labels
		for i, edge := range v.Edges {
			if i < len(v.Block().Preds) && e.DebugOnly(v.Block().Preds[i]) {
				continue // a value chosen only in a debug mode
			}
			out = out.Union(e.Labels(edge))
		}
		return out
	case *ssa.UnOp:
		switch v.Op {
		case token.MUL: // load
			if l, ok := shapes.ErrorFieldLoad(v); ok {
				return labels.Labels{l}
			}
			root, path := e.loc(v.X, 0)
			if sts := reachingStore(v, e, root, path); sts != nil {
				var out labels.Labels
				for _, st := range sts {
					if shapes.NarrowedToConstants(st.Block(), st.Val) || e.narrowedCellLoad(st.Block(), st.Val) {
						continue // `return names, err` where err is known nil
					}
					out = out.Union(e.Labels(st.Val))
				}
				return out
			}
			return e.Labels(root).ReadPath(path)
		case token.ARROW: // receive
			ls := e.Labels(v.X).Select("[]")
			if v.CommaOk {
				ls = ls.Prefixed("#0")
			}
			return ls
		}
	case *ssa.FieldAddr, *ssa.IndexAddr:
		root, path := e.loc(v, 0)
		if root == v {
			return nil
		}
		return e.Labels(root).ReadPath(path)
	case *ssa.Field:
		return e.Labels(v.X).Select(shapes.FieldName(v.X.Type(), v.Field, false))
	case *ssa.Index:
		return e.Labels(v.X).Select("[]")
	case *ssa.Lookup:
		ls := e.Labels(v.X).Select("[]")
		if v.CommaOk {
			ls = ls.Prefixed("#0")
		}
		return ls
	case *ssa.Slice:
		return e.Labels(v.X)
	case *ssa.Convert:
		return e.Labels(v.X)
	case *ssa.ChangeType:
		return e.Labels(v.X)
	case *ssa.ChangeInterface:
		return e.Labels(v.X)
	case *ssa.MakeInterface:
		if ls, ok := e.errorConversion(v); ok {
			return ls
		}
		return e.Labels(v.X)
	case *ssa.SliceToArrayPointer:
		return e.Labels(v.X)
	case *ssa.MultiConvert:
		return e.Labels(v.X)
	case *ssa.TypeAssert:
		ls := e.Labels(v.X)
		if e.ownErrorType(v.AssertedType) || frameworkErrorType(v.AssertedType) {
			// err.(ValidationError): the value is an error of our own
			// type, not a dependency's; what its fields hold still counts.
			// So is err.(*echo.HTTPError): the framework's error is built
			// by its constructor, whose message is a sink where it is
			// built (echo.NewHTTPError(code, msg)).
			ls = ls.ApplyOp(knowledge.OpOwnType)
		}
		if v.CommaOk {
			ls = ls.Prefixed("#0")
		}
		return ls
	case *ssa.Extract:
		return e.Labels(v.Tuple).Select(labels.ResultStep(v.Index))
	case *ssa.BinOp:
		// String concatenation keeps the text of both sides. Arithmetic
		// and comparisons make a new value: a decision, not a copy.
		if v.Op == token.ADD && shapes.IsString(v.Type()) {
			return e.Labels(v.X).Union(e.Labels(v.Y))
		}
	case *ssa.Call:
		return e.callLabels(v)
	case *ssa.Next:
		// for k, v := range m: the value (#2) is an element of the map
		if r, ok := v.Iter.(*ssa.Range); ok && !v.IsString {
			return e.Labels(r.X).Select("[]").Prefixed("#2")
		}
	}
	return nil
}

// reachingStore returns the store to the same local variable (root
// and path) that a load sees for sure: the last one before the load in
// its block, or, when the block has none and a single predecessor, in
// that predecessor, and so on up a straight chain of blocks. A call in
// between could write a variable whose address escapes (Alloc.Heap), so
// it ends the search for those; a local cell that does not escape is
// written by stores only. It is what makes each return of a function
// with a defer return its own value: go/ssa stores every return's
// results into shared result slots, runs the defers, and loads them
// back (deferred calls, RunDefers, are assumed not to rewrite them).
// And a read of a named result in a branch sees the value the code
// before the branch gave it, not the union of every return's value.
func reachingStore(load *ssa.UnOp, e *Engine, root ssa.Value, path string) []*ssa.Store {
	alloc, ok := root.(*ssa.Alloc)
	if !ok {
		return nil
	}
	b := load.Block()
	w := storeWalk{e: e, root: root, path: path, alloc: alloc, seen: map[*ssa.BasicBlock]bool{b: true}}
	if sts, ok := w.from(b, slices.Index(b.Instrs, ssa.Instruction(load))); ok {
		return sts
	}
	return nil
}

// storeWalk walks back from a load to the stores that reach it. The walk
// rule (on Engine): it visits at most MaxReachingBlocks blocks, each once
// (a loop ends the walk: the union decides).
type storeWalk struct {
	e     *Engine
	root  ssa.Value
	path  string
	alloc *ssa.Alloc
	seen  map[*ssa.BasicBlock]bool
	steps int
}

// from returns the stores reaching instruction i of block b on every
// path, and false when some path has none that the walk can see. Where
// paths join (the exit block of a function with defers, which loads its
// named results), each predecessor is walked: `err = scan(); …; return
// nil, wrap(err)` leaves only the wrapped error in the result.
func (w *storeWalk) from(b *ssa.BasicBlock, i int) ([]*ssa.Store, bool) {
	for {
		w.steps++
		if w.steps > shapes.MaxReachingBlocks || !w.e.spend(b.Parent(), i+1) {
			return nil, false
		}
		instrs := b.Instrs
		for i--; i >= 0; i-- {
			switch in := instrs[i].(type) {
			case *ssa.Store:
				if r, p := w.e.loc(in.Addr, 0); r == w.root && p == w.path {
					return []*ssa.Store{in}, true
				} else if r == w.root {
					return nil, false // a partial write: let the union decide
				}
			case ssa.CallInstruction:
				if w.alloc.Heap {
					return nil, false
				}
			}
		}
		switch len(b.Preds) {
		case 0:
			return nil, false
		case 1:
			if w.seen[b.Preds[0]] {
				return nil, false
			}
			b = b.Preds[0]
			w.seen[b] = true
			i = len(b.Instrs)
			continue
		}
		var all []*ssa.Store
		for _, p := range b.Preds {
			if w.seen[p] {
				return nil, false
			}
			w.seen[p] = true
			sts, ok := w.from(p, len(p.Instrs))
			if !ok {
				return nil, false
			}
			all = append(all, sts...)
		}
		return all, true
	}
}

// callLabels computes the labels of a call's result (a tuple's results
// sit at paths "#i").
func (e *Engine) callLabels(call *ssa.Call) labels.Labels {
	cc := call.Common()
	if validatesInput(cc) {
		return nil // the client's input judged: its errors are about it
	}
	obj, fn := shapes.Callee(cc)
	if obj == nil && fn == nil {
		if ls := libraryFuncValueLabels(call, e.Deps); ls != nil {
			return ls
		}
		if s, key := e.dynSummary(cc); s != nil {
			return e.resultLabels(s, key, call, shapes.CallArgs(cc))
		}
		if p, ok := cc.Value.(*ssa.Parameter); ok {
			// a call of a function parameter (or receiver): its results
			// are symbolic, read "()" (an adapter's ServeHTTP calling its
			// handler, errhandlers.go)
			for i, q := range p.Parent().Params {
				if q == p {
					return labels.Labels{{Kind: knowledge.KindParam, Param: i, Owner: p.Parent(), Reads: shapes.CallRead}}
				}
			}
		}
		return nil
	}
	args := shapes.CallArgs(cc)
	sig := cc.Signature()
	nres := sig.Results().Len()
	resPath := func(i int) string {
		if nres > 1 {
			return labels.ResultStep(i)
		}
		return ""
	}
	var out labels.Labels
	if obj != nil {
		name := knowledge.FullName(obj)
		if kinds := shapes.SourceKindsOf(obj, name, e.Deps); kinds != nil {
			forward := slices.Contains(kinds, knowledge.KindResponse) && shapes.ForwardsServedRequest(call, args)
			for i, k := range kinds {
				if forward && k == knowledge.KindDepError {
					// A forward proxy sends the client's own request to the
					// target the client chose: the error is about the
					// client's input, not about our dependencies.
					continue
				}
				if k != 0 && i < nres {
					out = out.Add(labels.Label{Kind: k, Origin: call.Pos(), Path: resPath(i)})
				}
			}
			return out
		}
		if name == "fmt.Errorf" && len(args) == 2 {
			// the format itself may be an error's text: fmt.Errorf(err.Error())
			return e.Labels(args[1]).ApplyOps("[]/" + shapes.ErrorfOp(args[0])).Union(e.Labels(args[0]).ApplyOps(knowledge.OpWrapText))
		}
		for _, f := range knowledge.Flows[name] {
			if f.ToArg >= 0 || f.To >= nres {
				continue
			}
			var src labels.Labels
			if f.From == knowledge.VariadicArgs {
				if len(args) > 0 {
					src = e.Labels(args[len(args)-1])
				}
			} else if f.From < len(args) {
				src = e.Labels(args[f.From])
			}
			ls := src.ApplyOps(f.Ops)
			if f.From != 0 && Builds(name) {
				// the message of a status we make here: its text is
				// decided here (labels.Label.Built)
				ls = ls.BuiltBy(BuilderName(call.Parent()))
			}
			out = out.Union(ls.Prefixed(resPath(f.To)))
		}
		if _, ok := knowledge.Flows[name]; ok {
			return out
		}
		if step := shapes.ResponseAccessor(obj); step != "" && len(args) > 0 && !e.own(obj.Pkg()) {
			// resp.StatusCode(), resp.String() of a client library's
			// response: what the tables say of resty's, by its shape
			return e.Labels(args[0]).ApplyOps(step).Prefixed(resPath(0))
		}
	}
	s, key := e.calleeSummary(cc, obj, fn)
	if s != nil {
		out = out.Union(e.resultLabels(s, key, call, args))
	}
	if obj != nil && shapes.HTTPResponseCall(sig) && !e.own(obj.Pkg()) {
		// A library call that returns an HTTP response and an error is an
		// HTTP client's request, whatever the client (a fork of net/http, a
		// retrying or circuit-breaking wrapper): its summary, when it has
		// one, may know that the response is the upstream's answer (the
		// wrapper calls net/http's client) but not that its error is the
		// transport's (heimdall returns their text in a multi-error of its
		// own), or neither. A function of the module is its own summary's
		// business.
		has := func(k knowledge.Kind, path string) bool {
			return slices.ContainsFunc(out, func(l labels.Label) bool { return l.Kind == k && l.Path == path })
		}
		if !has(knowledge.KindResponse, resPath(0)) {
			out = out.Add(labels.Label{Kind: knowledge.KindResponse, Origin: call.Pos(), Path: resPath(0)})
		}
		if !has(knowledge.KindDepError, resPath(1)) && !shapes.ForwardsServedRequest(call, args) {
			out = out.Add(labels.Label{Kind: knowledge.KindDepError, Origin: call.Pos(), Path: resPath(1)})
		}
	}
	return out
}

// own reports whether p is the analysed package or another package of
// its module.
func (e *Engine) own(p *types.Package) bool {
	return p != nil && (p == e.Pkg.Pkg || (e.Module != "" && e.inModule(p)))
}

// calleeSummary returns the summary of a call's callee and the owner of
// its symbolic labels: a function of the package, a fact, the one
// implementation of an interface of the package, or, for the whole
// program, what a dynamic call resolves to.
func (e *Engine) calleeSummary(cc *ssa.CallCommon, obj *types.Func, fn *ssa.Function) (*Summary, any) {
	if fn == nil && cc.IsInvoke() {
		fn = e.devirtualize(cc)
	}
	if s, key := e.summary(obj, fn); s != nil {
		return s, key
	}
	if cc.IsInvoke() {
		return e.dynSummary(cc)
	}
	return nil, nil
}

// OpaqueWriterCall reports whether call is a dynamic call (through an
// interface or a function value) that nothing in view resolves and that
// is handed the client's writer: it may write a status, or anything.
// One package at a time, `s.status.Fail(w, 429)` through an interface
// implemented elsewhere is such a call; the whole program resolves it.
func (e *Engine) OpaqueWriterCall(call ssa.CallInstruction) bool {
	e.mustHold()
	cc := call.Common()
	if cc.StaticCallee() != nil || !e.moduleSeam(cc) {
		return false // the frameworks' interfaces are in the tables
	}
	obj, fn := shapes.Callee(cc)
	if s, _ := e.calleeSummary(cc, obj, fn); s != nil {
		return false
	}
	if obj != nil {
		if _, ok := knowledge.Sinks[knowledge.FullName(obj)]; ok {
			return false
		}
		if shapes.IsWriteHeaderImpl(obj) {
			return false
		}
	}
	for _, a := range shapes.CallArgs(cc) {
		if e.isWriterType(a.Type()) || shapes.IsHandlerContext(a.Type()) || e.IsClientWriter(a) {
			if e.DynSeen != nil {
				// phase 1: the join must say what the call does
				if key, site := e.dynSite(cc); key != "" {
					site.Opaque = true
					e.noteSite(key, site)
				}
			}
			return true
		}
	}
	return false
}

// moduleSeam reports whether a dynamic call goes through an interface
// or a func-typed field declared in the package or its module.
func (e *Engine) moduleSeam(cc *ssa.CallCommon) bool {
	in := e.own
	if cc.IsInvoke() {
		named, ok := types.Unalias(cc.Value.Type()).(*types.Named)
		return ok && in(named.Obj().Pkg())
	}
	var t types.Type
	switch v := cc.Value.(type) {
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok {
			if p, ok := fa.X.Type().Underlying().(*types.Pointer); ok {
				t = p.Elem()
			}
		}
	case *ssa.Field:
		t = v.X.Type()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return t != nil && ok && in(named.Obj().Pkg())
}

// resultLabels resolves the results of a callee's summary at a call.
func (e *Engine) resultLabels(s *Summary, key any, call *ssa.Call, args []ssa.Value) labels.Labels {
	var out labels.Labels
	nres := call.Common().Signature().Results().Len()
	for i, r := range s.Results {
		p := ""
		if nres > 1 {
			p = labels.ResultStep(i)
		}
		out = out.Union(e.resolve(r, key, call, args).Prefixed(p))
		// A function that stores through a pointer parameter and returns
		// that pointer (a builder: o.WithPayload(p) sets o.Payload and
		// returns o): the result holds what it stored.
		for _, ef := range s.Effects {
			if returnsParam(r, ef.Param) {
				out = out.Union(e.resolve(ef.Labels, key, call, args).Prefixed(labels.JoinPath(p, ef.Path)))
			}
		}
	}
	return out
}

// returnsParam reports whether result labels r say the result is
// parameter i itself.
func returnsParam(r labels.Labels, i int) bool {
	for _, l := range r {
		if l.Kind == knowledge.KindParam && l.Param == i && l.Reads == "" && l.Path == "" {
			return true
		}
	}
	return false
}

// libraryFuncValueLabels labels the error of a call through a function
// value whose named function type a dependency library declares: the
// elastic clients' API is fields of such types (es.Search(…) calls the
// esapi.Search field).
func libraryFuncValueLabels(call *ssa.Call, deps *knowledge.PathPrefixes) labels.Labels {
	named, ok := types.Unalias(call.Common().Value.Type()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return nil
	}
	if p := named.Obj().Pkg().Path(); !knowledge.DependencyLibraries.Match(p) && !deps.Match(p) {
		return nil
	}
	res := call.Common().Signature().Results()
	if res.Len() == 0 || !knowledge.IsErrorType(res.At(res.Len()-1).Type()) {
		return nil
	}
	path := ""
	if res.Len() > 1 {
		path = labels.ResultStep(res.Len() - 1)
	}
	return labels.Labels{{Kind: knowledge.KindDepError, Origin: call.Pos(), Path: path}}
}

// devirtualize returns the method an interface call reaches when the
// package declares exactly one type implementing the interface (a
// service or repository interface with its one implementation beside
// it), or nil.
func (e *Engine) devirtualize(cc *ssa.CallCommon) *ssa.Function {
	// Only the package's own interfaces: its layers' seams. (The
	// standard library's io.Writer and the like have many implementers.)
	named, ok := types.Unalias(cc.Value.Type()).(*types.Named)
	if !ok || named.Obj().Pkg() != e.Pkg.Pkg || cc.Method == nil {
		return nil
	}
	iface, ok := named.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	key := devirtKey{iface, cc.Method.Name()}
	if fn, ok := e.devirt[key]; ok {
		return fn
	}
	impls, ok := e.impls[iface]
	if !ok {
		if e.concrete == nil {
			scope := e.Pkg.Pkg.Scope()
			for _, name := range scope.Names() {
				tn, ok := scope.Lookup(name).(*types.TypeName)
				if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
					continue
				}
				if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
					continue
				}
				e.concrete = append(e.concrete, tn.Type())
			}
		}
		for _, t := range e.concrete {
			for _, c := range []types.Type{t, types.NewPointer(t)} {
				if types.Implements(c, iface) {
					impls = append(impls, c)
					break
				}
			}
		}
		e.impls[iface] = impls
	}
	var found *ssa.Function
	if len(impls) == 1 {
		found = e.Pkg.Prog.LookupMethod(impls[0], cc.Method.Pkg(), cc.Method.Name())
	}
	if found == nil || found.Pkg != e.Pkg || found.Blocks == nil {
		found = nil
	}
	e.devirt[key] = found
	return found
}

type devirtKey struct {
	iface  *types.Interface
	method string
}

// resolve turns labels relative to a callee (key) into labels at a call site.
func (e *Engine) resolve(ls labels.Labels, key any, call ssa.CallInstruction, args []ssa.Value) labels.Labels {
	return e.resolveAt(ls, key, call.Pos(), args)
}

// resolveAt is resolve for a call at pos.
func (e *Engine) resolveAt(ls labels.Labels, key any, pos token.Pos, args []ssa.Value) labels.Labels {
	var out labels.Labels
	for _, l := range ls {
		switch {
		case l.Kind == knowledge.KindParam && l.Owner == key:
			if l.Param < len(args) {
				out = out.Union(e.Labels(args[l.Param]).ApplyOps(l.Reads).Prefixed(l.Path))
			}
		case l.Kind == knowledge.KindParam:
			out = out.Add(l) // a parameter of an enclosing function, captured by a closure
		case l.Kind == knowledge.KindDynamic:
			// a dynamic call inside the callee: resolved by the join
			if k, ok := l.Owner.(string); ok {
				e.noteDynamic(k)
			}
			out = out.Add(l)
		default:
			if l.Origin == token.NoPos {
				l.Origin = pos
			}
			out = out.Add(l)
		}
	}
	return out
}

// narrowedCellLoad reports whether v, a load of a local variable that
// lives in memory (a named result of a function with a defer), is known
// to equal a constant in block b: a test of another load of the same
// variable, seeing the same stores, guards b (`if err != nil { return …
// }; return names, err`).
func (e *Engine) narrowedCellLoad(b *ssa.BasicBlock, v ssa.Value) bool {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	alloc, ok := ld.X.(*ssa.Alloc)
	if !ok || alloc.Heap {
		return false
	}
	sts := reachingStore(ld, e, alloc, "")
	if sts == nil {
		return false
	}
	return shapes.GuardedByAllPreds(b, func(cond ssa.Value, succ int) bool {
		bin, ok := cond.(*ssa.BinOp)
		if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
			return false
		}
		other, k := bin.X, bin.Y
		if _, isConst := other.(*ssa.Const); isConst {
			other, k = k, other
		}
		if _, isConst := k.(*ssa.Const); !isConst {
			return false
		}
		ld2, ok := other.(*ssa.UnOp)
		if !ok || ld2.Op != token.MUL || ld2.X != alloc {
			return false
		}
		if !slices.Equal(reachingStore(ld2, e, alloc, ""), sts) {
			return false
		}
		if bin.Op == token.EQL {
			return succ == 0
		}
		return succ == 1
	})
}

// ownErrorType reports whether t is a concrete error type declared in the
// package or its module.
func (e *Engine) ownErrorType(t types.Type) bool {
	if iface, ok := t.Underlying().(*types.Interface); ok {
		// an error interface of the module with a method of its own
		// (RestErr{Status() int; Error() string}): what implements it is
		// ours, not a dependency's error
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || n.Obj().Pkg() == nil || !(n.Obj().Pkg() == e.Pkg.Pkg || (e.Module != "" && e.inModule(n.Obj().Pkg()))) {
			return false
		}
		if !shapes.HasErrorMethod(iface) {
			return false
		}
		for i := 0; i < iface.NumMethods(); i++ {
			switch iface.Method(i).Name() {
			case "Error", "Unwrap", "Is", "As", "Timeout", "Temporary", "GRPCStatus":
			default:
				return true
			}
		}
		return false
	}
	if !types.Implements(t, shapes.ErrorInterface) {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return n.Obj().Pkg() == e.Pkg.Pkg || (e.Module != "" && e.inModule(n.Obj().Pkg()))
}

// servedMapValues returns the values the function of call stores under
// sm.Key in the map field sm.Field of recv, the receiver of a ServedMap
// call, or of the struct recv is a field of (a controller embedding
// beego's), before the call: c.Data["json"] = resp; c.ServeJSON().
func (e *Engine) servedMapValues(call ssa.CallInstruction, recv ssa.Value, sm knowledge.ServedMap) []ssa.Value {
	base := func(v ssa.Value) ssa.Value {
		for i := 0; i < 16; i++ {
			fa, ok := v.(*ssa.FieldAddr)
			if !ok {
				break
			}
			v = fa.X
		}
		return v
	}
	root := base(recv)
	var out []ssa.Value
	for _, b := range call.Parent().Blocks {
		for _, instr := range b.Instrs {
			mu, ok := instr.(*ssa.MapUpdate)
			if !ok {
				continue
			}
			k, ok := shapes.Strip(mu.Key).(*ssa.Const)
			if !ok || k.Value == nil || k.Value.Kind() != constant.String || constant.StringVal(k.Value) != sm.Key {
				continue
			}
			load, ok := mu.Map.(*ssa.UnOp)
			if !ok || load.Op != token.MUL {
				continue
			}
			fa, ok := load.X.(*ssa.FieldAddr)
			if !ok || shapes.FieldName(fa.X.Type(), fa.Field, true) != sm.Field || base(fa.X) != root || !e.Reaches(mu, call) {
				continue
			}
			out = append(out, mu.Value)
		}
	}
	return out
}

// contextStatusKey reports whether v is the value of a variable holding
// a context key under which a render package keeps the status
// (knowledge.ContextStatusKeys).
func contextStatusKey(v ssa.Value) bool {
	load, ok := shapes.Strip(v).(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	return ok && g.Pkg != nil && knowledge.ContextStatusKeys[g.Pkg.Pkg.Path()+"."+g.Name()]
}

// frameworkErrorType reports whether t is the error type of a
// framework whose message and code its error handler sends
// (*echo.HTTPError, *fiber.Error).
func frameworkErrorType(t types.Type) bool {
	for _, fw := range knowledge.ErrorFrameworks {
		if fw.ErrorType[0] != "" && knowledge.IsPtrTo(t, fw.ErrorType[0], fw.ErrorType[1]) {
			return true
		}
	}
	return false
}

func (e *Engine) noteDynamic(key string) {
	if e.DynSeen == nil {
		return
	}
	if _, ok := e.DynSeen[key]; !ok {
		e.DynSeen[key] = wholeprog.DynSite{}
	}
}

// summary returns the summary of a callee and the owner key its
// symbolic labels use. Functions of this package are summarised on
// demand; others come from facts.
func (e *Engine) summary(obj *types.Func, fn *ssa.Function) (*Summary, any) {
	if fn != nil && fn.Origin() != nil {
		fn = fn.Origin()
	}
	if fn != nil && fn.Pkg == e.Pkg && fn.Blocks != nil {
		return e.LocalSummary(fn), fn
	}
	if obj == nil && fn != nil {
		obj, _ = fn.Object().(*types.Func)
	}
	if obj == nil || e.importFact == nil {
		return nil, nil
	}
	obj = obj.Origin()
	if obj.Pkg() == nil || obj.Pkg() == e.Pkg.Pkg {
		if f := e.Pkg.Prog.FuncValue(obj); f != nil && f.Pkg == e.Pkg && f.Blocks != nil {
			return e.LocalSummary(f), f
		}
		return nil, nil
	}
	ff := e.importFact(obj)
	if ff == nil {
		return nil, nil
	}
	return summaryOf(ff, obj), obj
}

func (e *Engine) LocalSummary(fn *ssa.Function) *Summary {
	if s, ok := e.summaries[fn]; ok {
		return s
	}
	e.summaries[fn] = nil // in progress (recursion contributes nothing)
	s := &Summary{Results: make([]labels.Labels, fn.Signature.Results().Len())}
	for _, b := range fn.Blocks {
		if b == fn.Recover {
			// returns what the named results hold when a deferred call
			// recovers a panic: any store, from before the panic
			continue
		}
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && !e.DebugOnly(b) {
			for i, r := range ret.Results {
				if i < len(s.Results) && !shapes.NarrowedToConstants(b, r) {
					s.Results[i] = s.Results[i].Union(e.Labels(r))
				}
			}
		}
	}
	// The sinks its parameters reach, each with the call that reaches it.
	var sinks []sinkAt
	for _, ev := range e.Events(fn) {
		for _, l := range ev.Labels {
			if l.Kind != knowledge.KindParam || l.Owner != fn {
				continue
			}
			if ev.Role == knowledge.RoleStatus && l.Path != "" {
				continue
			}
			if ev.Role == knowledge.RoleBody && !sentField(e.Pkg.Pkg, ev, l) {
				continue
			}
			sp := knowledge.SinkParam{Role: ev.Role, Param: l.Param, Reads: l.Reads, Path: l.Path, Proxy: ev.Proxy}
			if ev.Role == knowledge.RoleBody {
				st := e.BodyStatus(ev)
				// Covered: the helper sends the error's text with a 5xx
				// of its own, its own finding (the server-error rule),
				// which covers its callers. That 5xx may be one for the
				// errors that are not the framework's (code := 500; if
				// errors.As(err, &fe) { code = fe.Code }), or the status
				// of the envelope it builds on one path of several
				// (&apiError{Status: 500, Detail: err.Error()}).
				sp.Covered = e.SendsOwnErrorParam(fn, ev, l) && shapes.ServerError(st.Code) || e.ServerPathSendsParam(ev, l)
				if st.Default {
					// a 500 only for errors that are not the framework's:
					// not a status its callers' sinks are sent with
					st.Code = 0
				}
				sp.Status = st.Code
				if st.Param > 0 {
					sp.No5xx = dropsTextOnServerError(fn, ev, l.Param, st.Param-1)
				}
				sp.OnFailure = shapes.HasPrefixPath(l.Reads, "Body") && e.InParamFailureBranch(ev.Instr.Block(), l.Param)
				sp.StatusWritten = st.Instr != nil
			}
			sinks = append(sinks, sinkAt{sp, ev.Instr})
		}
	}
	for _, ce := range e.condEvents[fn] { // computed by Events
		for _, l := range ce.ev.Labels {
			if l.Kind != knowledge.KindParam || l.Owner != fn || (ce.ev.Role == knowledge.RoleStatus && l.Path != "") || (ce.ev.Role == knowledge.RoleBody && !sentField(e.Pkg.Pkg, ce.ev, l)) {
				continue
			}
			sinks = append(sinks, sinkAt{knowledge.SinkParam{Role: ce.ev.Role, Param: l.Param, Reads: l.Reads, Path: l.Path, Writer: ce.writer + 1}, ce.ev.Instr})
		}
	}
	e.markProxySinks(sinks)
	for _, x := range sinks {
		if !wholeprog.ContainsSink(s.Sinks, x.sp) {
			s.Sinks = append(s.Sinks, x.sp)
		}
	}
	if e.GaveUp(fn) {
		s = &Summary{Results: make([]labels.Labels, fn.Signature.Results().Len())}
		e.summaries[fn] = s
		return s
	}
	for i, p := range fn.Params {
		if _, ok := p.Type().Underlying().(*types.Pointer); !ok {
			continue
		}
		for _, st := range e.stores[p] {
			if ls := st.labels(); len(ls) > 0 {
				s.Effects = append(s.Effects, Effect{Param: i, Path: st.path, Labels: ls})
			}
		}
	}
	e.summaries[fn] = s
	return s
}

// A sinkAt is a sink of a parameter, with the call that reaches it.
type sinkAt struct {
	sp    knowledge.SinkParam
	instr ssa.CallInstruction
}

// markProxySinks marks the status sink of a response parameter as a
// proxy when the body of the same parameter is written as a whole on a
// path through it: such a helper forwards a response, which is its
// contract. A helper that relays the body on success and sends the
// status with a message of its own on failure is not one.
func (e *Engine) markProxySinks(ss []sinkAt) {
	for i := range ss {
		st := &ss[i]
		if st.sp.Role != knowledge.RoleStatus || !shapes.HasLastStep(st.sp.Reads, "StatusCode") {
			continue
		}
		prefix := shapes.TrimLastStep(st.sp.Reads)
		bodies := false
		for j := range ss {
			b := &ss[j]
			if b.sp.Role != knowledge.RoleBody || b.sp.Param != st.sp.Param || b.sp.Path != "" || !shapes.HasPrefixPath(b.sp.Reads, labels.JoinPath(prefix, "Body")) {
				continue
			}
			bodies = true
			if e.samePath(st.instr, b.instr) {
				st.sp.Proxy = true
				b.sp.Proxy = true
			}
		}
		st.sp.OwnBody = bodies && !st.sp.Proxy
	}
}

// samePath reports whether one execution can run both instructions: one
// of their blocks reaches the other. Instructions of different functions
// (a closure and its parent) are assumed to.
func (e *Engine) samePath(a, b ssa.Instruction) bool {
	if a.Block() == b.Block() {
		return true // one call (c.DataFromReader(code, …, body)) or one block
	}
	return e.Reaches(a, b) || e.Reaches(b, a)
}

// Reaches reports whether the instruction to can run after from: later
// in the same block, or in a block reachable from from's block.
// Instructions of different functions (a closure and its parent) are
// assumed to.
func (e *Engine) Reaches(from, to ssa.Instruction) bool {
	fb, tb := from.Block(), to.Block()
	if fb == nil || tb == nil || fb.Parent() != tb.Parent() {
		return true
	}
	if fb == tb && slices.Index(fb.Instrs, from) < slices.Index(fb.Instrs, to) {
		return true
	}
	return e.reaches(fb, tb)
}

// reaches reports whether block to can run after block from, memoising
// the blocks each block reaches (a visited set bounds the walk).
func (e *Engine) reaches(from, to *ssa.BasicBlock) bool {
	set, ok := e.reachable[from]
	if !ok {
		fn := from.Parent()
		set = make([]bool, len(fn.Blocks))
		work := slices.Clone(from.Succs)
		for len(work) > 0 {
			b := work[len(work)-1]
			work = work[:len(work)-1]
			if b.Index < 0 || b.Index >= len(set) || set[b.Index] {
				continue
			}
			set[b.Index] = true
			work = append(work, b.Succs...)
		}
		e.spend(fn, len(fn.Blocks))
		e.reachable[from] = set
	}
	return to.Index >= 0 && to.Index < len(set) && set[to.Index]
}

// Events returns the sink calls of fn: direct sinks from the tables and
// calls of helpers whose parameters reach a sink.
func (e *Engine) Events(fn *ssa.Function) []SinkEvent {
	e.mustHold()
	if evs, ok := e.events[fn]; ok {
		return evs
	}
	e.events[fn] = nil // in progress
	var evs []SinkEvent
	for _, b := range fn.Blocks {
		if e.DebugOnly(b) {
			continue // what a debug mode sends is a decision (debug.go)
		}
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			evs = append(evs, e.callEvents(call)...)
		}
	}
	e.events[fn] = evs
	return evs
}

func (e *Engine) callEvents(call ssa.CallInstruction) []SinkEvent {
	if !e.spend(call.Parent(), 1) {
		return nil
	}
	cc := call.Common()
	obj, fn := shapes.Callee(cc)
	args := shapes.CallArgs(cc)
	if obj == nil && fn == nil {
		// A call through a package-level function variable that the
		// tables know (render.Respond).
		if g := shapes.FuncVar(cc.Value); g != "" {
			if row, ok := knowledge.Sinks[g]; ok {
				var evs []SinkEvent
				for _, i := range row.Body {
					if i < len(args) {
						evs = append(evs, SinkEvent{Role: knowledge.RoleBody, Instr: call, Arg: i, Value: args[i], Labels: e.Labels(args[i]), StatusArg: -1})
					}
				}
				return evs
			}
		}
		// A dynamic call (a copy function chosen at run time) that is
		// handed the client writer and a whole upstream body forwards it.
		return e.handoffEvents(call, args)
	}
	var evs []SinkEvent
	statusArg := -1
	add := sinkAdder(&evs, call, args, &statusArg)
	if obj != nil {
		name := knowledge.FullName(obj)
		if sm, ok := knowledge.ServedMaps[name]; ok && len(args) > 0 {
			// c.Data["json"] = v; c.ServeJSON(): v is the body
			for _, v := range e.servedMapValues(call, args[0], sm) {
				evs = append(evs, SinkEvent{Role: knowledge.RoleBody, Instr: call, Arg: -1, Value: v, Labels: e.Labels(v), StatusArg: -1})
			}
			return evs
		}
		if name == "context.WithValue" && len(args) == 3 && contextStatusKey(args[1]) {
			// the status a render call of the key's package writes
			// (context.WithValue(ctx, render.StatusCtxKey, code))
			add(knowledge.RoleStatus, 2, nil, e.Labels(args[2]), false)
			return evs
		}
		if row, ok := knowledge.Sinks[name]; ok {
			if knowledge.APISinks[name] && shapes.ErrorConstructor(obj) && obj.Pkg() != nil && call.Parent().Pkg != nil && call.Parent().Pkg.Pkg.Path() == obj.Pkg().Path() {
				// the framework building its own errors (kratos' FromError
				// wraps a plain error with errors.New(500, "", err.Error())):
				// that error is answered where a handler returns it
				return nil
			}
			if row.Writer >= 0 && (row.Writer >= len(args) || !e.IsClientWriter(args[row.Writer])) {
				// Writing to a writer parameter: a sink for the callers
				// that pass the client's writer (a ToJSON(v, w) helper).
				if row.Writer < len(args) {
					if j := shapes.WriterParam(args[row.Writer], 0); j >= 0 {
						for _, i := range row.Body {
							if i < len(args) {
								ev := SinkEvent{Role: knowledge.RoleBody, Instr: call, Arg: i, Value: args[i], Labels: e.Labels(args[i]), StatusArg: -1}
								fn := call.Parent()
								e.condEvents[fn] = append(e.condEvents[fn], condEvent{ev: ev, writer: j})
							}
						}
					}
				}
				return nil
			}
			if row.Status >= 0 && row.Status < len(args) {
				statusArg = row.Status
				add(knowledge.RoleStatus, row.Status, nil, e.Labels(args[row.Status]), false)
			}
			if row.Fixed != 0 {
				// a status the call sends itself: no argument holds it
				k := ssa.NewConst(constant.MakeInt64(int64(row.Fixed)), types.Typ[types.Int])
				evs = append(evs, SinkEvent{Role: knowledge.RoleStatus, Instr: call, Arg: -1, Value: k, StatusArg: -1})
			}
			for _, i := range row.Body {
				if i < len(args) {
					add(knowledge.RoleBody, i, nil, e.Labels(args[i]), false)
				}
			}
			return evs
		}
		if shapes.IsWriteHeaderImpl(obj) && len(args) == 2 {
			add(knowledge.RoleStatus, 1, nil, e.Labels(args[1]), false)
		}
	}
	// Calls the tables do not know may forward an upstream body in ways
	// their summary cannot show (interface dispatch inside a framework).
	evs = append(evs, e.handoffEvents(call, args)...)
	if fn == nil && cc.IsInvoke() {
		fn = e.devirtualize(cc)
	}
	s, _ := e.calleeSummary(cc, obj, fn)
	if s == nil || len(s.Sinks) == 0 {
		return evs
	}
	via := obj
	if via == nil && fn != nil {
		via, _ = fn.Object().(*types.Func)
	}
	return append(evs, e.summarySinkEvents(call, args, s, via)...)
}

// sinkAdder returns the function that appends to evs the event of
// argument i of call, in a role, with the status argument *statusArg
// holds at that time. A status known to equal a constant where the call
// runs is a decision: its event has no labels.
func sinkAdder(evs *[]SinkEvent, call ssa.CallInstruction, args []ssa.Value, statusArg *int) func(role knowledge.Role, i int, via *types.Func, ls labels.Labels, proxy bool) {
	return func(role knowledge.Role, i int, via *types.Func, ls labels.Labels, proxy bool) {
		if i >= len(args) {
			return
		}
		if role == knowledge.RoleStatus && shapes.NarrowedToConstants(call.Block(), args[i]) {
			ls = nil
		}
		*evs = append(*evs, SinkEvent{Role: role, Instr: call, Arg: i, Value: args[i], Labels: ls, Via: via, Proxy: proxy, StatusArg: *statusArg})
	}
}

// summarySinkEvents are the sink events of a call of a summarised
// function (a helper) whose parameters reach sinks.
func (e *Engine) summarySinkEvents(call ssa.CallInstruction, args []ssa.Value, s *Summary, via *types.Func) []SinkEvent {
	var evs []SinkEvent
	statusArg := -1
	add := sinkAdder(&evs, call, args, &statusArg)
	for _, sp := range s.Sinks {
		if sp.Param >= len(args) {
			continue
		}
		if sp.Writer > 0 && (sp.Writer-1 >= len(args) || !e.IsClientWriter(args[sp.Writer-1])) {
			if j := shapes.WriterParam(args[sp.Writer-1], 0); j >= 0 && sp.Writer-1 < len(args) {
				// passed on to this function's own writer parameter
				ev := SinkEvent{Role: sp.Role, Instr: call, Arg: sp.Param, Value: args[sp.Param], Labels: e.Labels(args[sp.Param]).ApplyOps(sp.Reads).Prefixed(sp.Path), StatusArg: -1}
				fn := call.Parent()
				e.condEvents[fn] = append(e.condEvents[fn], condEvent{ev: ev, writer: j})
			}
			continue
		}
		// The event exists even without labels: what the argument is
		// (an error-only payload, say) matters to some checks.
		ls := e.Labels(args[sp.Param]).ApplyOps(sp.Reads).Prefixed(sp.Path)
		add(sp.Role, sp.Param, via, ls, sp.Proxy)
		last := &evs[len(evs)-1]
		last.Partial = sp.Reads != "" || sp.Path != ""
		last.OwnBody = sp.OwnBody
		last.Reads = sp.Reads
		last.SinkPath = sp.Path
		last.HelperStatus = sp.Status
		last.No5xx = sp.No5xx
		last.Covered = sp.Covered
		last.OnFailure = sp.OnFailure
		last.HelperWritesStatus = sp.StatusWritten
		if sp.Role == knowledge.RoleStatus && !last.Partial {
			statusArg = sp.Param
		}
	}
	if statusArg >= 0 {
		// The status the helper is given goes with the bodies it sends.
		for i := range evs {
			if evs[i].Instr == call && evs[i].Role == knowledge.RoleBody && evs[i].Via != nil {
				evs[i].StatusArg = statusArg
			}
		}
	}
	return evs
}

// handoffEvents finds upstream bodies handed whole to a call that also
// receives the client writer (a ResponseWriter, or a framework's request
// context as receiver or argument): a function that copies a response
// body into our response in a way the tables do not model.
func (e *Engine) handoffEvents(call ssa.CallInstruction, args []ssa.Value) []SinkEvent {
	writer := -1
	for i, a := range args {
		if e.isWriterType(a.Type()) || shapes.IsHandlerContext(a.Type()) || (shapes.IsInterfaceOfWriter(a) && e.IsClientWriter(a)) {
			writer = i
			break
		}
	}
	if writer < 0 {
		return nil
	}
	var evs []SinkEvent
	for i, a := range args {
		if i == writer || !shapes.IsReaderOrBytes(a.Type()) {
			continue
		}
		var body labels.Labels
		for _, l := range e.Labels(a) {
			if l.Kind == knowledge.KindBody && l.Path == "" {
				body = body.Add(l)
			}
		}
		if len(body) > 0 {
			evs = append(evs, SinkEvent{Role: knowledge.RoleBody, Instr: call, Arg: i, Value: a, Labels: body, Handoff: true, StatusArg: -1})
		}
	}
	return evs
}

// A condEvent is a sink that writes to the writer parameter writer of
// its function: it matters to callers, through the summary.
type condEvent struct {
	ev     SinkEvent
	writer int
}

// IsClientWriter reports whether v writes into the response to the
// client: a value whose type is an http.ResponseWriter, or a wrapper
// (json.NewEncoder, bufio.NewWriter, …) around one. Answers are
// memoised per value; a phi cycle being answered counts as no.
func (e *Engine) IsClientWriter(v ssa.Value) bool {
	if v == nil {
		return false
	}
	if r, ok := e.clientWriters[v]; ok {
		return r
	}
	e.clientWriters[v] = false // in progress
	if !e.spend(v.Parent(), 1) {
		return false
	}
	r := e.isClientWriter(v)
	e.clientWriters[v] = r
	return r
}

func (e *Engine) isClientWriter(v ssa.Value) bool {
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return e.IsClientWriter(x.X)
	case *ssa.ChangeInterface:
		return e.IsClientWriter(x.X)
	case *ssa.ChangeType:
		return e.IsClientWriter(x.X)
	case *ssa.Phi:
		for _, edge := range x.Edges {
			if e.IsClientWriter(edge) {
				return true
			}
		}
		return false
	case *ssa.Call:
		if obj, _ := shapes.Callee(x.Common()); obj != nil {
			name := knowledge.FullName(obj)
			args := shapes.CallArgs(x.Common())
			if knowledge.WriterWrappers[name] {
				return len(args) > 0 && e.IsClientWriter(args[0])
			}
			if knowledge.ClientBodyWriters[name] {
				return len(args) > 0 && shapes.ServedResponse(args[0])
			}
		}
	}
	return e.isWriterType(v.Type())
}

// isWriterType is IsResponseWriterType, cached: method sets are costly
// and the same few types come back at every call.
func (e *Engine) isWriterType(t types.Type) bool {
	// Key by the named type: pointer types are not canonical, and only
	// named types and interfaces can have the methods.
	base, ptr := types.Unalias(t), false
	if p, ok := base.(*types.Pointer); ok {
		base, ptr = types.Unalias(p.Elem()), true
	}
	switch base.(type) {
	case *types.Named, *types.Interface:
	default:
		return false
	}
	key := writerKey{base, ptr}
	if r, ok := e.writerTypes[key]; ok {
		return r
	}
	r := shapes.IsResponseWriterType(t)
	if n, ok := base.(*types.Named); ok && ptr && n.Obj().Pkg() != nil {
		r = r || knowledge.ClientWriterTypes[[2]string{n.Obj().Pkg().Path(), n.Obj().Name()}]
	}
	e.writerTypes[key] = r
	return r
}

type writerKey struct {
	t   types.Type
	ptr bool
}

// ForwardedOnPath reports whether a sink in role forwards the upstream
// value of the given origin as a whole (a body written whole, or a
// status) on a path through ev: in ev's own function, where one of the
// two can run after the other, or in a closure of the same outer
// function. A response answered with the status and the body of the
// same upstream response is a transparent proxy's; a path that sends
// the upstream status with a body of ours (a fixed message, or the
// upstream body inside our payload) is not proxying, whatever other
// paths of the function do. A body inside a message of ours
// (shapes.ComposedText) is not forwarded whole.
func (e *Engine) ForwardedOnPath(ev SinkEvent, role knowledge.Role, origin token.Pos) bool {
	key := forwardKey{ev.Instr, role, origin}
	if r, ok := e.forwarded[key]; ok {
		return r
	}
	want := knowledge.KindStatus
	if role == knowledge.RoleBody {
		want = knowledge.KindBody
	} else if ev.Role == knowledge.RoleBody && shapes.ComposedText(ev.Value) {
		// ev's body is a message of ours with the upstream body inside:
		// not a proxy's, whatever status goes with it.
		e.forwarded[key] = false
		return false
	}
	if e.byRoot == nil {
		e.byRoot = make(map[*ssa.Function][]*ssa.Function)
		for _, fn := range e.Funcs {
			root := shapes.ParentRoot(fn)
			e.byRoot[root] = append(e.byRoot[root], fn)
		}
	}
	found := false
	for _, fn := range e.byRoot[shapes.ParentRoot(ev.Instr.Parent())] {
		if found {
			break
		}
		for _, other := range e.Events(fn) {
			if other.Role != role || !e.samePath(ev.Instr, other.Instr) {
				continue
			}
			if role == knowledge.RoleBody && shapes.ComposedText(other.Value) {
				continue // the body inside a message of ours is not forwarded whole
			}
			if other.Instr == ev.Instr && (ev.OwnBody || other.OwnBody) {
				continue // a helper that writes them on different paths
			}
			if slices.ContainsFunc(other.Labels, func(l labels.Label) bool { return l.Kind == want && l.Path == "" && l.Origin == origin }) {
				found = true
				break
			}
		}
	}
	e.forwarded[key] = found
	return found
}

type forwardKey struct {
	at     ssa.CallInstruction
	role   knowledge.Role
	origin token.Pos
}

// mustHold panics unless the caller holds the engine's lock: a check
// that forgets it would race with the others only now and then, so the
// mistake is made to fail every time instead.
func (e *Engine) mustHold() {
	if e.TryLock() {
		e.Unlock()
		panic("analyzer: Engine used without holding its lock")
	}
}

// validatesInput reports whether cc calls, through an interface, a
// validation method of the module's request payloads
// (knowledge.ValidationMethods: v.Validate(r)) on a value that is a
// parameter of the calling function or a local it fills (a payload
// decoded from the request, then validated): what it returns is about the
// client's input, whichever implementation runs (portainer's
// DecodeAndValidateJSONPayload(r, v) calls v.Validate(r) for its 68
// payload types; one of them fetches the Helm repository the client
// named, and the union over all of them made every decode's error a
// dependency's). A call of a known implementation is analysed as any
// call is: gophish's ur.Validate(nil) looks the user up in its database.
func validatesInput(cc *ssa.CallCommon) bool {
	if !cc.IsInvoke() || !knowledge.ValidationMethods[cc.Method.Name()] {
		return false
	}
	res := cc.Signature().Results()
	if res.Len() != 1 || !types.Identical(res.At(0).Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	switch shapes.Strip(cc.Value).(type) {
	case *ssa.Parameter, *ssa.Alloc:
		return true // the function's own parameter, or a local it fills
	}
	return false
}
