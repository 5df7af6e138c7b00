package analyzer

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Whole-program resolution of dynamic calls.
//
// Facts flow only from a package's imports, so a call through an
// interface (or a function-valued field) whose implementations live in
// sibling packages, wired in main, is unknown to a per-package host. The
// standalone driver, which has the whole program, resolves them in two
// phases, on per-package summaries only:
//
//  1. Every package is analysed as usual, but with dynamic labels
//     (CollectDynamic): the result of a call through an interface or a
//     func-typed field of the module is a symbolic KindDynamic label
//     that facts carry, as they carry parameters.
//  2. Join computes, for each dynamic key, the union of the summaries of
//     its implementations: the methods of the module's types that are
//     converted to an interface somewhere in the program and implement
//     it (class-hierarchy analysis restricted to converted types, as in
//     rapid type analysis), and the functions stored into the field. It
//     substitutes dynamic labels in those summaries transitively (a
//     handler's service whose repository is itself an interface), and in
//     every fact. The packages whose findings can change (they saw a key
//     the join resolved) are analysed again with the program installed
//     (SetProgram): their dynamic calls take the joined summaries, their
//     imports the resolved facts; every other package only re-exports
//     its resolved facts, at the cost of a map look-up.
//
// Per-package hosts (go vet, golangci-lint, nogo) never make dynamic
// labels: for them nothing changes.

var whole struct {
	sync.Mutex
	collect []string // phase 1: the modules analysed, whose packages make dynamic labels
	prog    *Program // phase 2: the join
	// seen are the dynamic keys each package's engine met, in phase 1
	// (the engines fill them as the checks ask: read them after the run).
	seen map[*types.Package]map[string]DynSite
	// envelopes are the calls to envelope helpers phase 1 met (envelopes.go).
	envelopes []EnvelopeCall
}

// CollectDynamic turns dynamic labels on (phase 1) for the packages of
// the given modules (the modules being linted, not their dependencies),
// or off (none). Only a driver that will Join the results may turn it
// on: facts then carry labels that only the join resolves. Turning it on
// forgets the keys met before.
func CollectDynamic(modules ...string) {
	whole.Lock()
	whole.collect = modules
	if len(modules) > 0 {
		whole.seen = make(map[*types.Package]map[string]DynSite)
		whole.envelopes = nil
	}
	whole.Unlock()
}

// DynamicSeen returns the dynamic keys the engines of the last phase 1
// met, by package, and forgets them. Call it once the analysis is over.
func DynamicSeen() map[*types.Package]map[string]DynSite {
	whole.Lock()
	defer whole.Unlock()
	seen := whole.seen
	whole.seen = nil
	for p, m := range seen {
		if len(m) == 0 {
			delete(seen, p)
		}
	}
	return seen
}

// registerDynamic gives an engine of phase 1 its record of keys.
func (e *Engine) registerDynamic() {
	whole.Lock()
	defer whole.Unlock()
	if whole.seen == nil {
		return
	}
	e.dynSeen = make(map[string]DynSite)
	whole.seen[e.Pkg.Pkg] = e.dynSeen
}

// SetProgram installs the join for the analyses that follow (phase 2),
// or removes it (nil).
func SetProgram(p *Program) {
	whole.Lock()
	whole.prog = p
	whole.Unlock()
}

// wholeState says whether pass's package makes dynamic labels (phase 1)
// and returns the join of phase 2, if any.
func wholeState(pass *analysis.Pass) (bool, *Program) {
	whole.Lock()
	defer whole.Unlock()
	collect := false
	if pass.Module != nil {
		collect = slices.Contains(whole.collect, pass.Module.Path)
	}
	return collect, whole.prog
}

// A DynSite is what a dynamic key calls: a method of a named interface,
// or a function-valued field of a named struct.
type DynSite struct {
	Iface  *types.Named // the interface, for a method call
	Method string
	Struct *types.Named // the struct, for a call through a field
	Field  *types.Var
	// Opaque: the package hands the client's writer to the call, and
	// takes it, unresolved, for a call that may write a status.
	Opaque bool
}

// dynSite returns the key and site of a call that only the whole program
// resolves: through an interface declared in the module, or through a
// func-typed field of a struct declared in the module. It returns "" for
// every other call, and always outside the whole-program driver.
func (e *Engine) dynSite(cc *ssa.CallCommon) (string, DynSite) {
	if (!e.dynamic && e.prog == nil) || e.module == "" {
		return "", DynSite{}
	}
	if cc.IsInvoke() {
		named, ok := types.Unalias(cc.Value.Type()).(*types.Named)
		if !ok || cc.Method == nil || named.TypeArgs().Len() > 0 || !e.inModule(named.Obj().Pkg()) {
			return "", DynSite{}
		}
		return dynKeyMethod(named, cc.Method.Name()), DynSite{Iface: named, Method: cc.Method.Name()}
	}
	if cc.StaticCallee() != nil {
		return "", DynSite{}
	}
	var strct types.Type
	var field int
	switch v := cc.Value.(type) {
	case *ssa.UnOp:
		fa, ok := v.X.(*ssa.FieldAddr)
		if !ok {
			return "", DynSite{}
		}
		p, ok := fa.X.Type().Underlying().(*types.Pointer)
		if !ok {
			return "", DynSite{}
		}
		strct, field = p.Elem(), fa.Field
	case *ssa.Field:
		strct, field = v.X.Type(), v.Field
	default:
		return "", DynSite{}
	}
	named, ok := types.Unalias(strct).(*types.Named)
	if !ok || named.TypeArgs().Len() > 0 || !e.inModule(named.Obj().Pkg()) {
		return "", DynSite{}
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok || field >= st.NumFields() {
		return "", DynSite{}
	}
	f := st.Field(field)
	if _, ok := f.Type().Underlying().(*types.Signature); !ok {
		return "", DynSite{}
	}
	return dynKeyField(named, f.Name()), DynSite{Struct: named, Field: f}
}

func dynKeyMethod(iface *types.Named, method string) string {
	return iface.Obj().Pkg().Path() + "." + iface.Obj().Name() + "." + method
}

func dynKeyField(strct *types.Named, field string) string {
	return "field " + strct.Obj().Pkg().Path() + "." + strct.Obj().Name() + "." + field
}

// inModule reports whether p belongs to the module of the analysed
// package: only the module's own seams are resolved (io.Writer and the
// like have implementations everywhere).
func (e *Engine) inModule(p *types.Package) bool {
	if p == nil {
		return false
	}
	path := p.Path()
	return path == e.module || strings.HasPrefix(path, e.module+"/")
}

// dynSummary returns the summary of a dynamic call and the owner of its
// symbolic labels: the joined summary in phase 2, symbolic results in
// phase 1, else nil.
func (e *Engine) dynSummary(cc *ssa.CallCommon) (*Summary, any) {
	key, site := e.dynSite(cc)
	if key == "" {
		return nil, nil
	}
	if e.dynSeen != nil {
		e.dynSeen[key] = site
	}
	if e.prog != nil {
		if ff := e.prog.joined[key]; ff != nil {
			return ff.summary(key), key
		}
		return nil, nil
	}
	n := cc.Signature().Results().Len()
	s := &Summary{Results: make([]Labels, n)}
	for i := range n {
		s.Results[i] = Labels{{Kind: KindDynamic, Param: i, Owner: key}}
	}
	return s, key
}

// dynOwnErrors reports whether the whole program shows that every
// implementation of a dynamic call returns only our own errors.
func (e *Engine) dynOwnErrors(cc *ssa.CallCommon) bool {
	if e.prog == nil {
		return false
	}
	key, _ := e.dynSite(cc)
	return key != "" && e.prog.own[key]
}

// Program is the join of phase 2.
type Program struct {
	joined map[string]*FuncFact     // the resolved summary of each dynamic key
	own    map[string]bool          // every implementation returns only our own errors
	impls  map[string][]*types.Func // the implementations whose summaries say something, for messages
	facts  map[*types.Package][]objFact
	rerun  map[*types.Package]bool
	// rerunPath are packages to analyse again by import path, with
	// their test variants
	rerunPath map[string]bool
	keys      int
	resolved  int

	errorHandlers []InstalledHandler        // the framework error handlers the program installs
	envelopes     map[string][]EnvelopeCall // the calls to each envelope helper, by helper (envelopes.go)
}

type objFact struct {
	obj  *types.Func
	fact *FuncFact
}

// implementations returns the functions implementing a dynamic key whose
// summaries contribute to the join.
func (p *Program) implementations(key string) []*types.Func { return p.impls[key] }

// Keys reports how many dynamic keys the first phase met.
func (p *Program) Keys() int { return p.keys }

// Resolved reports how many dynamic keys the join resolved to a
// non-empty summary.
func (p *Program) Resolved() int { return p.resolved }

// Rerun reports whether a package must be analysed again with the join.
func (p *Program) Rerun(pkg *types.Package) bool { return p.rerun[pkg] || p.rerunPath[pkg.Path()] }

// JoinInput is what the first phase found, over every package.
type JoinInput struct {
	// Facts are the function facts of every analysed package.
	Facts map[*types.Func]*FuncFact
	// Packages are the packages whose facts these are (their objects'
	// packages), with the dynamic keys each package's engine met.
	Dynamic map[*types.Package]map[string]DynSite
	// Types are the concrete types converted to an interface somewhere
	// in the program (Conversions of every package of the module).
	Types []types.Type
	// Stored are the functions stored into each func-typed field, by key.
	Stored map[string][]StoredFunc
	// Handlers are the framework error handlers the packages install.
	Handlers []InstalledHandler
	// Envelopes are the calls to the modules' envelope helpers, and
	// Roots the packages being linted (a helper reported at its
	// declaration must be in one).
	Envelopes []EnvelopeCall
	Roots     []*types.Package
	// Modules are the linted modules: their packages are all summarised
	// in phase 1, so a function of theirs without a fact does nothing
	// the checks care about.
	Modules []string
}

// A StoredFunc is a function stored into a func-typed field: a function,
// or a method value bound to its receiver (Bound: the field's
// parameters start after the receiver).
type StoredFunc struct {
	Fn    *types.Func
	Bound bool
}

// maxJoinDepth bounds the substitution of dynamic labels inside joined
// summaries (a chain of interfaces, handler → service → repository).
const maxJoinDepth = 8

// Join resolves the dynamic keys the first phase met.
func Join(in JoinInput) *Program {
	p := &Program{
		joined: make(map[string]*FuncFact),
		own:    make(map[string]bool),
		impls:  make(map[string][]*types.Func),
		facts:  make(map[*types.Package][]objFact),
		rerun:  make(map[*types.Package]bool),

		rerunPath: make(map[string]bool),
	}
	sites := make(map[string]DynSite)
	var keys []string
	for _, m := range in.Dynamic {
		for k, s := range m {
			old, ok := sites[k]
			if !ok {
				keys = append(keys, k)
			}
			if !ok || (old.Iface == nil && old.Struct == nil) {
				sites[k] = s // a key met only through a fact has no site
			}
		}
	}
	slices.Sort(keys)
	p.keys = len(keys)
	j := &joiner{in: in, sites: sites, memo: make(map[string]*FuncFact), busy: make(map[string]bool), own: p.own, impls: p.impls}
	for _, k := range keys {
		if ff := j.resolve(k, 0); ff != nil {
			p.joined[k] = ff // possibly empty: known to do nothing the checks see
			if ff.summarises() || ff.OwnErrors {
				p.resolved++
			}
		}
	}
	for obj, ff := range in.Facts {
		r := j.substitute(ff, 0)
		p.facts[obj.Pkg()] = append(p.facts[obj.Pkg()], objFact{obj, r})
	}
	p.errorHandlers = mergeHandlers(in.Handlers)
	for _, h := range p.errorHandlers {
		p.joined[handlerKey(h.Framework)] = &FuncFact{} // resolved: some package installs one
		if h.Func != "" {
			p.joined[handlerKey("installed")] = &FuncFact{}
		}
	}
	p.joinEnvelopes(in.Envelopes, in.Roots)
	for pkg, m := range in.Dynamic {
		for k, site := range m {
			if ff := p.joined[k]; ff != nil && (ff.summarises() || ff.OwnErrors || site.Opaque || strings.HasPrefix(k, handlerKey(""))) {
				p.rerun[pkg] = true
				break
			}
		}
	}
	return p
}

type joiner struct {
	in    JoinInput
	sites map[string]DynSite
	memo  map[string]*FuncFact
	busy  map[string]bool // in progress: a cycle contributes nothing
	own   map[string]bool
	impls map[string][]*types.Func
}

// implementations returns the functions a key dispatches to, with the
// shift of their parameter indices (1 for bound method values: the
// call's arguments do not hold the receiver).
func (j *joiner) implementations(key string) []StoredFunc {
	site, ok := j.sites[key]
	if !ok || (site.Iface == nil && site.Struct == nil) {
		return nil // met only through facts, or a package's handlers (handlerKey)
	}
	if site.Struct != nil {
		return j.in.Stored[key]
	}
	iface, ok := site.Iface.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var out []StoredFunc
	seen := make(map[*types.Func]bool)
	for _, t := range j.in.Types {
		if types.IsInterface(t) || !types.Implements(t, iface) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(t, true, site.Iface.Obj().Pkg(), site.Method)
		fn, ok := obj.(*types.Func)
		if !ok || seen[fn] {
			continue
		}
		seen[fn] = true
		out = append(out, StoredFunc{Fn: fn})
	}
	return out
}

// resolve returns the joined summary of a key, or nil.
func (j *joiner) resolve(key string, depth int) *FuncFact {
	if ff, ok := j.memo[key]; ok {
		return ff
	}
	if j.busy[key] || depth > maxJoinDepth {
		return nil
	}
	j.busy[key] = true
	defer delete(j.busy, key)
	impls := j.implementations(key)
	var out *FuncFact
	own := len(impls) > 0
	known := len(impls) > 0
	for _, im := range impls {
		ff := j.factOf(im.Fn)
		if ff == nil {
			own = false
			if !j.linted(im.Fn.Pkg()) {
				known = false // a library's method the tables do not know
			}
			continue
		}
		own = own && ff.OwnErrors
		ff = j.substitute(ff, depth+1)
		if im.Bound {
			ff = unbind(ff)
		}
		if ff.summarises() && !slices.ContainsFunc(j.impls[key], func(f *types.Func) bool { return f.Pos() == im.Fn.Pos() }) {
			j.impls[key] = append(j.impls[key], im.Fn) // once: a package and its test variant declare it twice
		}
		out = joinFacts(out, ff)
	}
	if out != nil {
		out.OwnErrors = own
	} else if own || known {
		out = &FuncFact{OwnErrors: own}
	}
	j.own[key] = own
	j.memo[key] = out
	return out
}

// linted reports whether p belongs to one of the linted modules.
func (j *joiner) linted(p *types.Package) bool {
	if p == nil {
		return false
	}
	for _, m := range j.in.Modules {
		if p.Path() == m || strings.HasPrefix(p.Path(), m+"/") {
			return true
		}
	}
	return false
}

// factOf returns the summary of an implementation: its fact, or, for a
// method of a library the tables know (*sql.DB converted to a DBTX
// interface of sqlc), the labels of its results.
func (j *joiner) factOf(fn *types.Func) *FuncFact {
	fn = fn.Origin()
	if ff := j.in.Facts[fn]; ff != nil {
		return ff
	}
	kinds := sourceKindsOf(fn, fullName(fn))
	if kinds == nil {
		return nil
	}
	sig := fn.Signature()
	n := sig.Results().Len()
	ff := &FuncFact{Results: make([][]FactLabel, n)}
	for i, k := range kinds {
		if k == 0 || i >= n {
			continue
		}
		path := ""
		if n > 1 {
			path = resultStep(i)
		}
		ff.Results[i] = []FactLabel{{Kind: k, Param: -1, Path: path}}
	}
	return ff
}

// substitute replaces the dynamic labels of a fact by what their keys
// resolve to.
func (j *joiner) substitute(ff *FuncFact, depth int) *FuncFact {
	if !hasDynamic(ff) {
		return ff
	}
	out := &FuncFact{Sinks: ff.Sinks, OwnErrors: ff.OwnErrors}
	for _, r := range ff.Results {
		out.Results = append(out.Results, j.substLabels(r, depth))
	}
	for _, ef := range ff.Effects {
		if ls := j.substLabels(ef.Labels, depth); len(ls) > 0 {
			out.Effects = append(out.Effects, FactEffect{Param: ef.Param, Path: ef.Path, Labels: ls})
		}
	}
	return out
}

func (j *joiner) substLabels(fs []FactLabel, depth int) []FactLabel {
	var out []FactLabel
	for _, f := range fs {
		if f.Kind != KindDynamic {
			out = appendFactLabel(out, f)
			continue
		}
		r := j.resolve(f.Dyn, depth)
		if r == nil || f.Param < 0 || f.Param >= len(r.Results) {
			continue
		}
		// The implementations' parameters are the arguments of a call
		// inside the function summarised: gone at this level.
		var concrete Labels
		for _, l := range fromFact(r.Results[f.Param], nil) {
			if l.Kind != KindParam && l.Kind != KindDynamic {
				concrete = concrete.add(l)
			}
		}
		for _, l := range toFact(concrete.applyOps(f.Reads).prefixed(f.Path).clip(), nil) {
			out = appendFactLabel(out, l)
		}
	}
	return out
}

func appendFactLabel(fs []FactLabel, f FactLabel) []FactLabel {
	if slices.Contains(fs, f) {
		return fs
	}
	return append(fs, f)
}

func hasDynamic(ff *FuncFact) bool {
	for _, r := range ff.Results {
		for _, l := range r {
			if l.Kind == KindDynamic {
				return true
			}
		}
	}
	for _, ef := range ff.Effects {
		for _, l := range ef.Labels {
			if l.Kind == KindDynamic {
				return true
			}
		}
	}
	return false
}

// unbind shifts the parameters of a method's summary for a call through
// a method value: its receiver is bound, not an argument.
func unbind(ff *FuncFact) *FuncFact {
	out := &FuncFact{OwnErrors: ff.OwnErrors}
	shift := func(fs []FactLabel) []FactLabel {
		var r []FactLabel
		for _, f := range fs {
			if f.Kind == KindParam {
				if f.Param == 0 {
					continue
				}
				f.Param--
			}
			r = append(r, f)
		}
		return r
	}
	for _, r := range ff.Results {
		out.Results = append(out.Results, shift(r))
	}
	for _, sp := range ff.Sinks {
		if sp.Param == 0 || sp.Writer == 1 {
			continue
		}
		sp.Param--
		if sp.Writer > 0 {
			sp.Writer--
		}
		out.Sinks = append(out.Sinks, sp)
	}
	for _, ef := range ff.Effects {
		if ef.Param == 0 {
			continue
		}
		out.Effects = append(out.Effects, FactEffect{Param: ef.Param - 1, Path: ef.Path, Labels: shift(ef.Labels)})
	}
	return out
}

// joinFacts returns the union of two summaries of the same signature.
func joinFacts(a, b *FuncFact) *FuncFact {
	if a == nil {
		c := *b
		c.Results = make([][]FactLabel, len(b.Results))
		for i, r := range b.Results {
			c.Results[i] = slices.Clone(r)
		}
		c.Sinks = slices.Clone(b.Sinks)
		c.Effects = slices.Clone(b.Effects)
		return &c
	}
	for i, r := range b.Results {
		for len(a.Results) <= i {
			a.Results = append(a.Results, nil)
		}
		for _, l := range r {
			a.Results[i] = appendFactLabel(a.Results[i], l)
		}
	}
	for _, sp := range b.Sinks {
		if !containsSink(a.Sinks, sp) {
			a.Sinks = append(a.Sinks, sp)
		}
	}
	a.Effects = append(a.Effects, b.Effects...)
	return a
}

// currentProgram returns the join installed for phase 2, or nil.
func currentProgram() *Program {
	whole.Lock()
	defer whole.Unlock()
	return whole.prog
}

// callKey returns the dynamic key of a call expression: a method of an
// interface, or a func-typed field of a struct; "" for other calls.
func callKey(info *types.Info, call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	s, ok := info.Selections[sel]
	if !ok {
		return ""
	}
	recv := s.Recv()
	if p, ok := recv.Underlying().(*types.Pointer); ok {
		recv = p.Elem()
	}
	named, ok := types.Unalias(recv).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return ""
	}
	switch s.Kind() {
	case types.MethodVal:
		if types.IsInterface(named) {
			return dynKeyMethod(named, s.Obj().Name())
		}
	case types.FieldVal:
		if len(s.Index()) == 1 {
			return dynKeyField(named, s.Obj().Name())
		}
	}
	return ""
}
