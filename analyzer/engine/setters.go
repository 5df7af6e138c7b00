package engine

import (
	"go/types"
	"maps"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
)

// Builders: response helpers often answer through an object whose
// status is set by chained setters (NewBuilder(w).WithStatus(500).
// WithBody(b).Write()), and the write reads the status from a field.
// fieldConst follows such chains among the functions of this package to
// the constant the field holds.

// A setterSummary says what a function of this package does to the
// object it returns: which parameter it returns unchanged (a chained
// setter returns its receiver), and which fields of that object, or of a
// new one it allocates, it sets to a parameter or a constant.
type setterSummary struct {
	returns int // index of the parameter every return gives back; -1: none
	sets    map[string]fieldSet
}

// A fieldSet is a field assigned a parameter (param >= 0) or a constant
// status (konst); conflict marks a field assigned different values.
type fieldSet struct {
	param    int
	konst    int
	conflict bool
	intField bool // the field set to the parameter is an integer (a status)
}

// paramOrDefault returns the parameter a phi merges with constants only
// (if code <= 0 { code = 500 }: the parameter, with a default), or nil.
func paramOrDefault(v ssa.Value) *ssa.Parameter {
	phi, ok := v.(*ssa.Phi)
	if !ok {
		return nil
	}
	var p *ssa.Parameter
	for _, in := range phi.Edges {
		switch x := shapes.Strip(in).(type) {
		case *ssa.Parameter:
			if p != nil && p != x {
				return nil
			}
			p = x
		case *ssa.Const:
		default:
			return nil
		}
	}
	return p
}

// isIntType reports whether the pointer t points to an integer.
func isIntType(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	b, ok := p.Elem().Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

func (e *Engine) setters(fn *ssa.Function) *setterSummary {
	if s, ok := e.setterSums[fn]; ok {
		return s
	}
	s := &setterSummary{returns: -1, sets: make(map[string]fieldSet)}
	e.setterSums[fn] = s
	var obj ssa.Value // the parameter or the allocation that is returned
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		if len(ret.Results) == 0 {
			return s
		}
		r := shapes.Strip(ret.Results[0])
		switch r.(type) {
		case *ssa.Parameter, *ssa.Alloc:
		default:
			return s
		}
		if obj != nil && obj != r {
			return s
		}
		obj = r
	}
	if obj == nil {
		return s
	}
	if p, ok := obj.(*ssa.Parameter); ok {
		for i, q := range fn.Params {
			if q == p {
				s.returns = i
			}
		}
	}
	e.spend(fn, len(*obj.Referrers()))
	for _, ref := range *obj.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != obj {
			continue
		}
		name := shapes.FieldName(fa.X.Type(), fa.Field, true)
		for _, r2 := range *fa.Referrers() {
			st, ok := r2.(*ssa.Store)
			if !ok || st.Addr != fa {
				continue
			}
			set := fieldSet{param: -1}
			val := shapes.Strip(st.Val)
			if p := paramOrDefault(val); p != nil {
				val = p
			}
			switch v := val.(type) {
			case *ssa.Parameter:
				for i, q := range fn.Params {
					if q == v {
						set.param = i
						set.intField = isIntType(fa.Type())
					}
				}
			default:
				set.konst = shapes.ConstStatus(v, 0)
			}
			if old, ok := s.sets[name]; ok && old != set {
				set.conflict = true
			}
			s.sets[name] = set
		}
	}
	return s
}

// fieldConst returns the constant status that field holds in the object
// v points to, when chained setters of this package say so, else 0.
func (e *Engine) fieldConst(v ssa.Value, field string, depth int) int {
	if depth > shapes.MaxSetterChain {
		return 0
	}
	call, ok := shapes.Strip(v).(*ssa.Call)
	if !ok {
		return 0
	}
	s := e.callSetters(call)
	if s == nil {
		return 0
	}
	args := call.Common().Args
	if set, ok := s.sets[field]; ok {
		switch {
		case set.conflict:
			return 0
		case set.param >= 0 && set.param < len(args):
			return shapes.ConstStatus(args[set.param], 0)
		}
		return set.konst
	}
	if s.returns >= 0 && s.returns < len(args) {
		return e.fieldConst(args[s.returns], field, depth+1)
	}
	return 0
}

// callSetters returns the setter summary of a call's static callee: of a
// function of this package from its body, of another's from its fact;
// nil when there is none.
func (e *Engine) callSetters(call *ssa.Call) *setterSummary {
	fn := call.Common().StaticCallee()
	if fn == nil {
		return nil
	}
	if fn.Pkg == e.Pkg && fn.Blocks != nil {
		return e.setters(fn)
	}
	return e.importedSetters(fn)
}

// importedSetters returns the setter summary of a function of another
// package, from its fact, or nil.
func (e *Engine) importedSetters(fn *ssa.Function) *setterSummary {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || e.importFact == nil {
		return nil
	}
	ff := e.importFact(obj)
	if ff == nil || ff.Setters == nil {
		return nil
	}
	s := &setterSummary{returns: ff.Setters.Returns, sets: make(map[string]fieldSet, len(ff.Setters.Sets))}
	for _, fs := range ff.Setters.Sets {
		s.sets[fs.Field] = fieldSet{param: fs.Param, konst: fs.Konst, conflict: fs.Conflict}
	}
	return s
}

// SetterFact returns the setter summary of fn, a function of the
// package, in fact form: nil unless it sets a field of the object it
// returns to a constant status (a module error's constructor) or an
// integer field to a parameter. Setters of a parameter are everywhere
// (every constructor): exporting all
// them would make every importer worth analysing, for nothing: only an
// integer field set to a parameter (a status) is exported.
func (e *Engine) SetterFact(fn *ssa.Function) *wholeprog.SetterFact {
	e.mustHold()
	if fn.Blocks == nil || fn.Signature.Results().Len() != 1 {
		return nil
	}
	s := e.setters(fn)
	if len(s.sets) == 0 && !(s.returns == 0 && fn.Signature.Recv() != nil) {
		return nil
	}
	out := &wholeprog.SetterFact{Returns: s.returns}
	useful := false
	for _, name := range slices.Sorted(maps.Keys(s.sets)) {
		set := s.sets[name]
		if !set.conflict && (set.konst != 0 || (set.param >= 0 && set.intField)) {
			useful = true // a status set to a constant, or to a parameter (NewGetTaskDefault(code))
		}
		out.Sets = append(out.Sets, wholeprog.FieldSet{Field: name, Param: set.param, Konst: set.konst, Conflict: set.conflict})
	}
	if !useful && !(s.returns == 0 && fn.Signature.Recv() != nil) {
		return nil // a builder's method returning its receiver is kept for the chain
	}
	return out
}

// fieldArg returns the argument that the constructor or chained setters
// building v stored into field, or nil: errs.InternalServerError(msg)
// stores msg into Message.
func (e *Engine) fieldArg(v ssa.Value, field string, depth int) ssa.Value {
	if depth > shapes.MaxSetterChain {
		return nil
	}
	call, ok := shapes.Strip(v).(*ssa.Call)
	if !ok {
		return nil
	}
	s := e.callSetters(call)
	if s == nil {
		return nil
	}
	args := call.Common().Args
	if set, ok := s.sets[field]; ok {
		if set.conflict || set.param < 0 || set.param >= len(args) {
			return nil
		}
		return args[set.param]
	}
	if s.returns >= 0 && s.returns < len(args) {
		return e.fieldArg(args[s.returns], field, depth+1)
	}
	return nil
}
