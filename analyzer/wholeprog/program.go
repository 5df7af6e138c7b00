package wholeprog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
)

// A DynSite is what a dynamic key calls: a method of a named interface,
// or a function-valued field of a named struct. It names what it needs
// and holds no go/types objects: the join runs over summaries that the
// runner may have read from its cache.
type DynSite struct {
	// Methods is the interface's method set, for a method call, and
	// Method the method called (names qualified by their package when
	// unexported: QualifiedMethod).
	Methods []MethodSig `json:",omitempty"`
	Method  string      `json:",omitempty"`
	// Field: a call through a func-typed field.
	Field bool `json:",omitempty"`
	// Opaque: the package hands the client's writer to the call, and
	// takes it, unresolved, for a call that may write a status.
	Opaque bool `json:",omitempty"`

	Iface *types.Named // for a method call, until noteSite names its methods
}

// HasSite reports whether a key was met at a call (a key met only
// through a fact, or a package's handlers, has no site).
func (s DynSite) HasSite() bool { return s.Method != "" || s.Field }

// A MethodSig is a method of a method set: its name (QualifiedMethod)
// and its signature without receiver, types named by import path.
type MethodSig struct {
	Name string
	Sig  string
}

// QualifiedMethod returns a method's name, qualified by its package's
// path when unexported: only that package can implement it.
func QualifiedMethod(m *types.Func) string {
	if m.Exported() || m.Pkg() == nil {
		return m.Name()
	}
	return m.Pkg().Path() + "." + m.Name()
}

// SigString spells a type with types named by import path, signatures
// without receivers and parameter names, at any depth: identical types
// spell the same.
func SigString(t types.Type) string {
	var b strings.Builder
	writeType(&b, t, 0)
	return b.String()
}

func writeType(b *strings.Builder, t types.Type, depth int) {
	qual := func(p *types.Package) string { return p.Path() }
	if depth > 64 {
		b.WriteString(types.TypeString(t, qual))
		return
	}
	switch t := t.(type) {
	case *types.Alias:
		writeType(b, types.Unalias(t), depth)
	case *types.Pointer:
		b.WriteString("*")
		writeType(b, t.Elem(), depth+1)
	case *types.Slice:
		b.WriteString("[]")
		writeType(b, t.Elem(), depth+1)
	case *types.Array:
		fmt.Fprintf(b, "[%d]", t.Len())
		writeType(b, t.Elem(), depth+1)
	case *types.Map:
		b.WriteString("map[")
		writeType(b, t.Key(), depth+1)
		b.WriteString("]")
		writeType(b, t.Elem(), depth+1)
	case *types.Chan:
		switch t.Dir() {
		case types.SendOnly:
			b.WriteString("chan<- ")
		case types.RecvOnly:
			b.WriteString("<-chan ")
		default:
			b.WriteString("chan ")
		}
		writeType(b, t.Elem(), depth+1)
	case *types.Signature:
		b.WriteString("func(")
		for i := range t.Params().Len() {
			if i > 0 {
				b.WriteString(", ")
			}
			if t.Variadic() && i == t.Params().Len()-1 {
				b.WriteString("...")
				if s, ok := t.Params().At(i).Type().(*types.Slice); ok {
					writeType(b, s.Elem(), depth+1)
					continue
				}
			}
			writeType(b, t.Params().At(i).Type(), depth+1)
		}
		b.WriteString(")")
		if n := t.Results().Len(); n > 0 {
			b.WriteString(" (")
			for i := range n {
				if i > 0 {
					b.WriteString(", ")
				}
				writeType(b, t.Results().At(i).Type(), depth+1)
			}
			b.WriteString(")")
		}
	case *types.Struct:
		b.WriteString("struct{")
		for i := range t.NumFields() {
			f := t.Field(i)
			if i > 0 {
				b.WriteString("; ")
			}
			if f.Embedded() {
				b.WriteString("embedded ")
			}
			if f.Pkg() != nil && !f.Exported() {
				b.WriteString(f.Pkg().Path() + ".")
			}
			b.WriteString(f.Name() + " ")
			writeType(b, f.Type(), depth+1)
			if tag := t.Tag(i); tag != "" {
				fmt.Fprintf(b, " %q", tag)
			}
		}
		b.WriteString("}")
	case *types.Interface:
		if !t.IsMethodSet() {
			b.WriteString(types.TypeString(t, qual)) // a constraint
			return
		}
		b.WriteString("interface{")
		for i := range t.NumMethods() { // sorted by name
			m := t.Method(i)
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(QualifiedMethod(m))
			writeType(b, m.Type(), depth+1)
		}
		b.WriteString("}")
	case *types.Named:
		if obj := t.Obj(); obj.Pkg() != nil {
			b.WriteString(obj.Pkg().Path() + ".")
		}
		b.WriteString(t.Obj().Name())
		if args := t.TypeArgs(); args.Len() > 0 {
			b.WriteString("[")
			for i := range args.Len() {
				if i > 0 {
					b.WriteString(", ")
				}
				writeType(b, args.At(i), depth+1)
			}
			b.WriteString("]")
		}
	default: // basic types, type parameters, tuples
		b.WriteString(types.TypeString(t, qual))
	}
}

func DynKeyMethod(iface *types.Named, method string) string {
	return iface.Obj().Pkg().Path() + "." + iface.Obj().Name() + "." + method
}

func DynKeyField(strct *types.Named, field string) string {
	return "field " + strct.Obj().Pkg().Path() + "." + strct.Obj().Name() + "." + field
}

// Program is the join of phase 2. It names everything (functions by full
// name, packages by import path, positions as file:line:col), so that it
// is independent of the go/types objects of phase 1, and it encodes the
// same way every time (Encode: the runner's cache keys include it).
type Program struct {
	programData
	filesMu sync.Mutex
	files   map[*token.FileSet]map[string]*token.File // position's files, by name
}

type programData struct {
	Joined        map[string]*FuncFact          // the resolved summary of each dynamic key
	Own           map[string]bool               // every implementation returns only our own errors
	Impls         map[string][]FuncRef          // the implementations whose summaries say something, for messages
	Facts         map[string]*FuncFact          // every summarised function's fact, resolved, and the libraries' facts the linted packages use
	Rerun         map[string]bool               // the packages to analyse again (import paths: a package and its test variants)
	Keys          int                           // dynamic keys met
	Solved        int                           // keys resolved to a non-empty summary
	Types         int                           // converted types
	Linted        []string                      // the linted modules
	ErrorHandlers []knowledge.InstalledHandler  // the framework error handlers the program installs
	Envelopes     map[string][]EnvelopeCall     // the calls to each envelope helper, by helper (envelopes.go)
	Served        map[string]FuncRef            // the functions whose answer a generated service method returns, with that method (Delegate)
	StatusHelpers map[string][]StatusHelperCall // the service methods' returns of each status helper, by helper (statushelpers.go)
}

// A FuncRef names a function for messages: its short name, where it is
// declared (file:line:col) and the length of its name there.
type FuncRef struct {
	Name string
	Pos  string
	Len  int
}

// Implementations returns the functions implementing a dynamic key whose
// summaries contribute to the join.
func (p *Program) Implementations(key string) []FuncRef { return p.Impls[key] }

// Keys reports how many dynamic keys the first phase met.
func (p *Program) KeyCount() int { return p.Keys }

// Resolved reports how many dynamic keys the join resolved to a
// non-empty summary.
func (p *Program) Resolved() int { return p.Solved }

// ConvertedTypes reports how many concrete types the join considered.
func (p *Program) ConvertedTypes() int { return p.Types }

// Again reports whether a package (by import path) must be analysed
// again with the join.
func (p *Program) Again(path string) bool { return p.Rerun[path] }

// Fact returns the fact of a function for phase 2: the join's, resolved.
func (p *Program) Fact(obj *types.Func) *FuncFact { return p.Facts[knowledge.FullName(obj)] }

// Encode returns the program as JSON.
func (p *Program) Encode() ([]byte, error) { return json.Marshal(&p.programData) }

// Pos returns a position of the program ("file:line:col") in fset: in
// the file of that name, or in a file added to fset for it (a package
// analysed alone has none of the others' files).
func (p *Program) Pos(fset *token.FileSet, posn string) token.Pos {
	name, line, col, ok := SplitPosn(posn)
	if !ok || line < 1 || col < 1 {
		return token.NoPos
	}
	p.filesMu.Lock()
	defer p.filesMu.Unlock()
	if p.files == nil {
		p.files = make(map[*token.FileSet]map[string]*token.File)
	}
	byName := p.files[fset]
	if byName == nil {
		byName = make(map[string]*token.File)
		fset.Iterate(func(f *token.File) bool {
			if _, dup := byName[f.Name()]; !dup {
				byName[f.Name()] = f
			}
			return true
		})
		p.files[fset] = byName
	}
	if f := byName[name]; f != nil && line <= f.LineCount() {
		// The file itself, unless the position does not come back: the
		// file that export data gives an imported package has made-up
		// lines and no columns.
		off := f.Offset(f.LineStart(line)) + col - 1
		if off <= f.Size() {
			pos := f.Pos(off)
			if q := f.PositionFor(pos, false); q.Line == line && q.Column == col {
				return pos
			}
		}
	}
	// A file of its own for this position: lines 1 … line-1 one byte
	// long, then the column.
	const room = 256
	f := fset.AddFile(name, -1, line-1+col+room)
	lines := make([]int, line)
	for i := range lines {
		lines[i] = i
	}
	f.SetLines(lines)
	return f.Pos(line - 1 + col - 1)
}

// SplitPosn splits a position as token.Position prints it:
// "file:line:col", or "file:line" (col 0) when it has no column.
func SplitPosn(posn string) (file string, line, col int, ok bool) {
	cut := func(s string) (string, int, bool) {
		i := strings.LastIndexByte(s, ':')
		if i < 0 {
			return "", 0, false
		}
		n, err := strconv.Atoi(s[i+1:])
		return s[:i], n, err == nil
	}
	rest, last, ok := cut(posn)
	if !ok {
		return "", 0, 0, false
	}
	if name, mid, ok := cut(rest); ok {
		return name, mid, last, true
	}
	return rest, last, 0, true
}

// A PackageSummary is what phase 1 learns of one package of the linted
// modules, for the join: named, so that it can be cached and come from
// another run.
type PackageSummary struct {
	Path string // import path
	// Funcs are the package's functions, by full name, with their facts
	// (nil for a function without one: its position is the join's for
	// messages).
	Funcs map[string]FuncEntry `json:",omitempty"`
	// Imported are the facts the package used of functions outside the
	// linted modules, by full name.
	Imported map[string]*FuncFact `json:",omitempty"`
	// Dynamic are the dynamic keys the package's engine met.
	Dynamic map[string]DynSite `json:",omitempty"`
	// Types are the concrete types the package converts to an interface
	// (test files left out: they wire fakes), and Stored the functions it
	// stores into each func-typed field, by key.
	Types  []ConvType            `json:",omitempty"`
	Stored map[string][]FuncImpl `json:",omitempty"`
	// Handlers are the framework error handlers the package installs.
	Handlers []knowledge.InstalledHandler `json:",omitempty"`
	// Envelopes are the package's calls to envelope helpers of the
	// linted modules (envelopes.go).
	Envelopes []EnvelopeCall `json:",omitempty"`
	// Delegates are the functions of other packages whose answer a
	// generated service method of the package returns.
	Delegates []Delegate `json:",omitempty"`
	// StatusHelpers are the package's service methods' returns of status
	// helpers of other packages of the linted modules (statushelpers.go).
	StatusHelpers []StatusHelperCall `json:",omitempty"`

	mu sync.Mutex // Imported, Envelopes, Delegates and StatusHelpers, filled as the checks ask
}

// A Delegate is a function of the linted modules whose answer a
// generated service method returns unchanged (goctl's zrpc servers
// return their logic's): the function is judged as the service method,
// in its own package.
type Delegate struct {
	Callee    string  // its full name
	CalleePkg string  // its package's path
	Service   FuncRef // the generated method
}

// AddDelegate records a delegate.
func (s *PackageSummary) AddDelegate(d Delegate) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !slices.Contains(s.Delegates, d) {
		s.Delegates = append(s.Delegates, d)
	}
}

func NewPackageSummary(path string) *PackageSummary {
	return &PackageSummary{Path: path, Funcs: make(map[string]FuncEntry), Imported: make(map[string]*FuncFact), Dynamic: make(map[string]DynSite), Stored: make(map[string][]FuncImpl)}
}

// AddImported records the fact of a function outside the linted modules
// that the package used.
func (s *PackageSummary) AddImported(name string, f *FuncFact) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Imported[name] = f
}

// AddEnvelope records a call to an envelope helper.
func (s *PackageSummary) AddEnvelope(c EnvelopeCall) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Envelopes = append(s.Envelopes, c)
}

// A FuncEntry is a function's fact and where it is declared.
type FuncEntry struct {
	Fact *FuncFact
	Ref  FuncRef
}

// A ConvType is a concrete type converted to an interface, with its
// method set.
type ConvType struct {
	Type    string // its spelling (SigString), which identifies it
	Methods []MethodImpl
}

// A MethodImpl is a method of a converted type's method set.
type MethodImpl struct {
	MethodSig
	FuncImpl
}

// A FuncImpl is a function a dynamic call may reach: a method of a
// converted type, or a function stored into a func-typed field (Bound: a
// method value, whose receiver the field's parameters do not hold).
type FuncImpl struct {
	Func  string // full name
	Pkg   string // its package's path
	Ref   FuncRef
	Bound bool `json:",omitempty"`
	// Table is, for a function outside the linted modules, its fact, or
	// the labels of its results for a library's method the tables know
	// (*sql.DB converted to a DBTX interface of sqlc).
	Table *FuncFact `json:",omitempty"`
}

// A Namer names functions for the join: their positions with GOROOT
// resolved, and the facts the tables give a library's methods (sources:
// the kinds of a function's results by the tables and the user's
// dependency packages, nil when they know nothing of it).
type Namer struct {
	Goroot  string
	Sources func(*types.Func) []knowledge.Kind
}

// funcImpl describes fn for the join; importFact gives the facts of
// functions outside the linted modules.
func (n Namer) funcImpl(fset *token.FileSet, fn *types.Func, bound bool, importFact func(*types.Func) *FuncFact) FuncImpl {
	fn = fn.Origin()
	im := FuncImpl{Func: knowledge.FullName(fn), Ref: n.FuncRef(fset, fn), Bound: bound}
	if fn.Pkg() != nil {
		im.Pkg = fn.Pkg().Path()
	}
	if importFact != nil {
		im.Table = importFact(fn)
	}
	if im.Table == nil {
		im.Table = tableFact(fn, n.Sources)
	}
	return im
}

func (n Namer) FuncRef(fset *token.FileSet, fn *types.Func) FuncRef {
	r := FuncRef{Name: knowledge.ShortFuncName(fn), Len: len(fn.Name())}
	if fn.Pos().IsValid() {
		p := fset.Position(fn.Pos())
		if rest, ok := strings.CutPrefix(p.Filename, "$GOROOT/"); ok {
			if n.Goroot != "" {
				p.Filename = filepath.Join(n.Goroot, filepath.FromSlash(rest))
			}
		}
		if p.Column <= 1 {
			// export data's position: lines, no columns (a declared
			// name is never in column 1); the source says where
			if col := declColumn(p.Filename, p.Line, fn.Name()); col > 0 {
				p.Column = col
			}
		}
		r.Pos = p.String()
	}
	return r
}

// declColumn returns the column of a function's name on line of file,
// where it is declared (func Name( or func (recv) Name(), or 0.
func declColumn(file string, line int, name string) int {
	data, err := os.ReadFile(file)
	if err != nil || line < 1 {
		return 0
	}
	for i := 1; i < line; i++ {
		nl := bytes.IndexByte(data, '\n')
		if nl < 0 {
			return 0
		}
		data = data[nl+1:]
	}
	if nl := bytes.IndexByte(data, '\n'); nl >= 0 {
		data = data[:nl]
	}
	text := string(data)
	if !strings.HasPrefix(text, "func") {
		return 0
	}
	for i := len("func"); i+len(name) <= len(text); i++ {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return 0
		}
		i += j
		before, after := text[i-1], text[min(i+len(name), len(text)-1)]
		if (before == ' ' || before == ')') && (after == '(' || after == '[') {
			return i + 1
		}
	}
	return 0
}

// tableFact returns, for a method of a library the tables know, the
// labels of its results, else nil.
func tableFact(fn *types.Func, sources func(*types.Func) []knowledge.Kind) *FuncFact {
	kinds := sources(fn)
	if kinds == nil {
		return nil
	}
	n := fn.Signature().Results().Len()
	ff := &FuncFact{Results: make([][]labels.FactLabel, n)}
	for i, k := range kinds {
		if k == 0 || i >= n {
			continue
		}
		path := ""
		if n > 1 {
			path = labels.ResultStep(i)
		}
		ff.Results[i] = []labels.FactLabel{{Kind: k, Param: -1, Path: path}}
	}
	return ff
}

// SummarizeConversions describes what Conversions found, for the join.
func SummarizeConversions(sum *PackageSummary, fset *token.FileSet, n Namer, ts []types.Type, stored map[string][]StoredFunc, importFact func(*types.Func) *FuncFact) {
	seen := make(map[string]bool)
	for _, t := range sum.Types {
		seen[t.Type] = true
	}
	for _, t := range ts {
		if types.IsInterface(t) || seen[SigString(t)] {
			continue
		}
		seen[SigString(t)] = true
		ct := ConvType{Type: SigString(t)}
		ms := types.NewMethodSet(t)
		for i := range ms.Len() {
			sel := ms.At(i)
			fn, ok := sel.Obj().(*types.Func)
			if !ok {
				continue
			}
			ct.Methods = append(ct.Methods, MethodImpl{MethodSig{QualifiedMethod(fn), SigString(sel.Type())}, n.funcImpl(fset, fn, false, importFact)})
		}
		sum.Types = append(sum.Types, ct)
	}
	for k, fs := range stored {
		for _, f := range fs {
			sum.Stored[k] = append(sum.Stored[k], n.funcImpl(fset, f.Fn, f.Bound, importFact))
		}
	}
}

// SortSummaries orders summaries by package path (a package before its
// test variants, whose facts are the same).
func SortSummaries(ss []*PackageSummary) {
	slices.SortStableFunc(ss, func(a, b *PackageSummary) int { return strings.Compare(a.Path, b.Path) })
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

// Join resolves the dynamic keys the first phase met, over the summaries
// of the linted modules' packages. roots are the import paths of the
// packages being linted (a helper reported at its declaration must be in
// one), modules the linted modules: their packages are all summarised in
// phase 1, so a function of theirs without a fact does nothing the
// checks care about.
func Join(summaries []*PackageSummary, roots, modules []string) *Program {
	p := &Program{programData: programData{
		Joined: make(map[string]*FuncFact),
		Own:    make(map[string]bool),
		Impls:  make(map[string][]FuncRef),
		Facts:  make(map[string]*FuncFact),
		Rerun:  make(map[string]bool),
		Linted: modules,
	}}
	summaries = slices.Clone(summaries)
	SortSummaries(summaries)
	j := &joiner{
		sites: make(map[string]DynSite), facts: make(map[string]FuncEntry), stored: make(map[string][]FuncImpl),
		memo: make(map[string]*FuncFact), busy: make(map[string]bool), own: p.Own, impls: p.Impls, modules: modules,
	}
	var keys []string
	seenType := make(map[string]bool)
	var handlers []knowledge.InstalledHandler
	var envelopes []EnvelopeCall
	var delegates []Delegate
	var statusHelpers []StatusHelperCall
	for _, s := range summaries {
		for _, k := range slices.Sorted(maps.Keys(s.Dynamic)) {
			site := s.Dynamic[k]
			old, ok := j.sites[k]
			if !ok {
				keys = append(keys, k)
			}
			if !ok || !old.HasSite() {
				j.sites[k] = site
			}
		}
		for name, fe := range s.Funcs {
			if old, ok := j.facts[name]; !ok || (old.Fact == nil && fe.Fact != nil) {
				j.facts[name] = fe
			}
		}
		for name, ff := range s.Imported {
			if _, ok := p.Facts[name]; !ok {
				p.Facts[name] = ff
			}
		}
		for _, t := range s.Types {
			if !seenType[t.Type] {
				seenType[t.Type] = true
				j.types = append(j.types, t)
			}
		}
		for _, k := range slices.Sorted(maps.Keys(s.Stored)) {
			for _, f := range s.Stored[k] {
				if !slices.ContainsFunc(j.stored[k], func(g FuncImpl) bool { return g.Func == f.Func && g.Bound == f.Bound }) {
					j.stored[k] = append(j.stored[k], f)
				}
			}
		}
		handlers = append(handlers, s.Handlers...)
		envelopes = append(envelopes, s.Envelopes...)
		delegates = append(delegates, s.Delegates...)
		statusHelpers = append(statusHelpers, s.StatusHelpers...)
	}
	slices.Sort(keys)
	p.Keys = len(keys)
	p.Types = len(j.types)
	for _, k := range keys {
		if ff := j.resolve(k, 0); ff != nil {
			p.Joined[k] = ff // possibly empty: known to do nothing the checks see
			if ff.Summarises() || ff.OwnErrors {
				p.Solved++
			}
		}
	}
	for name, fe := range j.facts {
		if fe.Fact != nil {
			p.Facts[name] = j.substitute(fe.Fact, 0)
		}
	}
	p.ErrorHandlers = MergeHandlers(handlers)
	for _, h := range p.ErrorHandlers {
		p.Joined[HandlerKey(h.Framework)] = &FuncFact{} // resolved: some package installs one
		if h.Func != "" {
			p.Joined[HandlerKey("installed")] = &FuncFact{}
		}
	}
	p.joinEnvelopes(envelopes, roots)
	p.joinDelegates(delegates, roots)
	p.joinStatusHelpers(p.expandBuilt(statusHelpers), roots)
	for _, s := range summaries {
		for k, site := range s.Dynamic {
			if ff := p.Joined[k]; ff != nil && (ff.Summarises() || ff.OwnErrors || site.Opaque || strings.HasPrefix(k, HandlerKey(""))) {
				p.Rerun[s.Path] = true
				break
			}
		}
	}
	return p
}

type joiner struct {
	sites   map[string]DynSite
	facts   map[string]FuncEntry
	types   []ConvType
	methods []map[string]MethodImpl // each type's method set, by name
	stored  map[string][]FuncImpl
	memo    map[string]*FuncFact
	busy    map[string]bool // in progress: a cycle contributes nothing
	own     map[string]bool
	impls   map[string][]FuncRef
	modules []string
}

// implementations returns the functions a key dispatches to: the method
// of every converted type that implements the key's interface (its
// method set holds each of the interface's methods with an identical
// signature), or the functions stored into the key's field.
func (j *joiner) implementations(key string) []FuncImpl {
	site, ok := j.sites[key]
	if !ok || !site.HasSite() {
		return nil // met only through facts, or a package's handlers (HandlerKey)
	}
	if site.Field {
		return j.stored[key]
	}
	if j.methods == nil {
		j.methods = make([]map[string]MethodImpl, len(j.types))
		for i, t := range j.types {
			m := make(map[string]MethodImpl, len(t.Methods))
			for _, mi := range t.Methods {
				m[mi.Name] = mi
			}
			j.methods[i] = m
		}
	}
	var out []FuncImpl
	seen := make(map[string]bool)
	for _, ms := range j.methods {
		implements := true
		for _, want := range site.Methods {
			if got, ok := ms[want.Name]; !ok || got.Sig != want.Sig {
				implements = false
				break
			}
		}
		im, ok := ms[site.Method]
		if !implements || !ok || seen[im.Func] {
			continue
		}
		seen[im.Func] = true
		out = append(out, im.FuncImpl)
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
		ff, ref := j.factOf(im)
		if ff == nil {
			own = false
			if !inModuleList(im.Pkg, j.modules) {
				known = false // a library's method the tables do not know
			}
			continue
		}
		own = own && ff.OwnErrors
		ff = j.substitute(ff, depth+1)
		if im.Bound {
			ff = unbind(ff)
		}
		if ff.Summarises() && !slices.ContainsFunc(j.impls[key], func(f FuncRef) bool { return f.Pos == ref.Pos }) {
			j.impls[key] = append(j.impls[key], ref) // once: a package and its test variant declare it twice
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

// inModuleList reports whether an import path belongs to one of the
// modules.
func inModuleList(path string, modules []string) bool {
	for _, m := range modules {
		if path == m || strings.HasPrefix(path, m+"/") {
			return true
		}
	}
	return false
}

// factOf returns the summary of an implementation and where it is
// declared: its fact, or, for a method of a library the tables know, the
// labels of its results.
func (j *joiner) factOf(im FuncImpl) (*FuncFact, FuncRef) {
	fe, ok := j.facts[im.Func]
	if ok && fe.Fact != nil {
		return fe.Fact, fe.Ref
	}
	if ok {
		return im.Table, fe.Ref // declared in a summarised package: its own position
	}
	return im.Table, im.Ref
}

// substitute replaces the dynamic labels of a fact by what their keys
// resolve to.
func (j *joiner) substitute(ff *FuncFact, depth int) *FuncFact {
	if !hasDynamic(ff) {
		return ff
	}
	out := &FuncFact{Sinks: ff.Sinks, OwnErrors: ff.OwnErrors, ServerText: ff.ServerText}
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

func (j *joiner) substLabels(fs []labels.FactLabel, depth int) []labels.FactLabel {
	var out []labels.FactLabel
	for _, f := range fs {
		if f.Kind != knowledge.KindDynamic {
			out = appendFactLabel(out, f)
			continue
		}
		r := j.resolve(f.Dyn, depth)
		if r == nil || f.Param < 0 || f.Param >= len(r.Results) {
			continue
		}
		// The implementations' parameters are the arguments of a call
		// inside the function summarised: gone at this level.
		var concrete labels.Labels
		for _, l := range labels.FromFact(r.Results[f.Param], nil) {
			if l.Kind != knowledge.KindParam && l.Kind != knowledge.KindDynamic {
				concrete = concrete.Add(l)
			}
		}
		for _, l := range labels.ToFact(concrete.ApplyOps(f.Reads).Prefixed(f.Path).Clip(), nil) {
			out = appendFactLabel(out, l)
		}
	}
	return out
}

func appendFactLabel(fs []labels.FactLabel, f labels.FactLabel) []labels.FactLabel {
	if slices.Contains(fs, f) {
		return fs
	}
	return append(fs, f)
}

func hasDynamic(ff *FuncFact) bool {
	for _, r := range ff.Results {
		for _, l := range r {
			if l.Kind == knowledge.KindDynamic {
				return true
			}
		}
	}
	for _, ef := range ff.Effects {
		for _, l := range ef.Labels {
			if l.Kind == knowledge.KindDynamic {
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
	shift := func(fs []labels.FactLabel) []labels.FactLabel {
		var r []labels.FactLabel
		for _, f := range fs {
			if f.Kind == knowledge.KindParam {
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
		c.Results = make([][]labels.FactLabel, len(b.Results))
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
		if !ContainsSink(a.Sinks, sp) {
			a.Sinks = append(a.Sinks, sp)
		}
	}
	a.Effects = append(a.Effects, b.Effects...)
	return a
}

// CallKey returns the dynamic key of a call expression: a method of an
// interface, or a func-typed field of a struct; "" for other calls.
func CallKey(info *types.Info, call *ast.CallExpr) string {
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
			return DynKeyMethod(named, s.Obj().Name())
		}
	case types.FieldVal:
		if len(s.Index()) == 1 {
			return DynKeyField(named, s.Obj().Name())
		}
	}
	return ""
}
