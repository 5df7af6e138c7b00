// The engine's side of whole-program resolution: the dynamic calls it
// meets, and their summaries from the join (package wholeprog).

package engine

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
	"github.com/upstreamlint/upstreamlint/analyzer/wholeprog"
)

// summaryOf converts a fact back into a Summary whose symbolic labels are
// owned by obj (a *types.Func, or the DynKey of a dynamic call).
func summaryOf(f *wholeprog.FuncFact, obj any) *Summary {
	s := &Summary{Sinks: f.Sinks}
	for _, r := range f.Results {
		s.Results = append(s.Results, labels.FromFact(r, obj))
	}
	for _, ef := range f.Effects {
		s.Effects = append(s.Effects, Effect{Param: ef.Param, Path: ef.Path, Labels: labels.FromFact(ef.Labels, obj)})
	}
	return s
}

// dynSite returns the key and site of a call that only the whole program
// resolves: through an interface declared in the module, or through a
// func-typed field of a struct declared in the module. It returns "" for
// every other call, and always outside the whole-program driver.
func (e *Engine) dynSite(cc *ssa.CallCommon) (string, wholeprog.DynSite) {
	if (!e.Dynamic && e.Prog == nil) || e.Module == "" {
		return "", wholeprog.DynSite{}
	}
	if cc.IsInvoke() {
		named, ok := types.Unalias(cc.Value.Type()).(*types.Named)
		if !ok || cc.Method == nil || !e.inModule(named.Obj().Pkg()) {
			return "", wholeprog.DynSite{}
		}
		// An instance of a generic interface (Cache[string]) is resolved
		// by its declaration's methods, as the join records a generic
		// type's implementations (wholeprog.Conversions): the key is the
		// same for every instance.
		named = named.Origin()
		if knowledge.IsConnectUnary(cc.Method.Signature()) && shapes.ConnectHandlerCall(cc.Method) {
			// a call of this process's Connect handlers: not resolved to
			// the generated clients that share their method set
			return "", wholeprog.DynSite{}
		}
		return wholeprog.DynKeyMethod(named, cc.Method.Name()), wholeprog.DynSite{Method: wholeprog.QualifiedMethod(cc.Method), Iface: named}
	}
	if cc.StaticCallee() != nil {
		return "", wholeprog.DynSite{}
	}
	var strct types.Type
	var field int
	switch v := cc.Value.(type) {
	case *ssa.UnOp:
		fa, ok := v.X.(*ssa.FieldAddr)
		if !ok {
			return "", wholeprog.DynSite{}
		}
		p, ok := fa.X.Type().Underlying().(*types.Pointer)
		if !ok {
			return "", wholeprog.DynSite{}
		}
		strct, field = p.Elem(), fa.Field
	case *ssa.Field:
		strct, field = v.X.Type(), v.Field
	default:
		return "", wholeprog.DynSite{}
	}
	named, ok := types.Unalias(strct).(*types.Named)
	if !ok || named.TypeArgs().Len() > 0 || !e.inModule(named.Obj().Pkg()) {
		return "", wholeprog.DynSite{}
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok || field >= st.NumFields() {
		return "", wholeprog.DynSite{}
	}
	f := st.Field(field)
	if _, ok := f.Type().Underlying().(*types.Signature); !ok {
		return "", wholeprog.DynSite{}
	}
	return wholeprog.DynKeyField(named, f.Name()), wholeprog.DynSite{Field: true}
}

// noteSite records, in phase 1, a key met at a call, with the method set
// of its interface. A key's first site stays (a call handed the client's
// writer marks it Opaque).
func (e *Engine) noteSite(key string, site wholeprog.DynSite) {
	if e.DynSeen == nil {
		return
	}
	old, ok := e.DynSeen[key]
	if ok && old.HasSite() {
		if site.Opaque && !old.Opaque {
			old.Opaque = true
			e.DynSeen[key] = old
		}
		return
	}
	if site.Iface != nil {
		if iface, ok := site.Iface.Underlying().(*types.Interface); ok {
			if e.ifaceSigs == nil {
				e.ifaceSigs = make(map[*types.Interface][]wholeprog.MethodSig)
			}
			sigs, ok := e.ifaceSigs[iface]
			if !ok {
				for i := range iface.NumMethods() {
					m := iface.Method(i)
					sigs = append(sigs, wholeprog.MethodSig{Name: wholeprog.QualifiedMethod(m), Sig: wholeprog.SigString(m.Type())})
				}
				e.ifaceSigs[iface] = sigs
			}
			site.Methods = sigs
		}
		site.Iface = nil
	}
	site.Opaque = site.Opaque || old.Opaque
	e.DynSeen[key] = site
}

// inModule reports whether p belongs to the module of the analysed
// package: only the module's own seams are resolved (io.Writer and the
// like have implementations everywhere).
func (e *Engine) inModule(p *types.Package) bool {
	if p == nil {
		return false
	}
	path := p.Path()
	return path == e.Module || strings.HasPrefix(path, e.Module+"/")
}

// dynSummary returns the summary of a dynamic call and the owner of its
// symbolic labels: the joined summary in phase 2, symbolic results in
// phase 1, else nil.
func (e *Engine) dynSummary(cc *ssa.CallCommon) (*Summary, any) {
	key, site := e.dynSite(cc)
	if key == "" {
		return nil, nil
	}
	e.noteSite(key, site)
	if e.Prog != nil {
		if ff := e.Prog.Joined[key]; ff != nil {
			return summaryOf(ff, key), key
		}
		return nil, nil
	}
	n := cc.Signature().Results().Len()
	s := &Summary{Results: make([]labels.Labels, n)}
	for i := range n {
		s.Results[i] = labels.Labels{{Kind: knowledge.KindDynamic, Param: i, Owner: key}}
	}
	return s, key
}

// dynOwnErrors reports whether the whole program shows that every
// implementation of a dynamic call returns only our own errors.
func (e *Engine) dynOwnErrors(cc *ssa.CallCommon) bool {
	key, site := e.dynSite(cc)
	if key == "" {
		return false
	}
	if e.Prog == nil {
		// phase 1: the join must hear of the call to say whether its
		// implementations' errors are ours (an in-memory store whose
		// methods return nil), even when no label asked for its results
		// (the one implementation in the package answered for them)
		e.noteSite(key, site)
		return false
	}
	return e.Prog.Own[key]
}
