package softerror

import (
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer"
)

// Envelopes: services rarely answer {"error": …} alone; they answer an
// envelope that says failure, {"success": false, "message": …} or
// {"code": 500, "msg": …, "data": nil}, with status 200 (DESIGN.md, "200
// with an error: envelopes"). A body is a failure envelope when a success
// flag is the constant false, or a status-like key holds a constant 4xx or
// 5xx code or an "error"/"fail" string, on every path to the write, and
// every other key is an error or meta key, or a data key that is absent,
// nil or empty. A body with data is not error-only (partial success).

// An entry is one key of an envelope with the value stored there and
// whether the store runs on every path to the write.
type entry struct {
	key    string
	val    ssa.Value // nil: the field is not stored (its zero value)
	always bool
}

// envelope judges the entries of a body: the failure marker it carries,
// or false when the body is not a failure envelope.
func (c *checker) envelope(entries []entry) (string, bool) {
	if !c.cfg.Envelopes || len(entries) == 0 {
		return "", false
	}
	marker := ""
	for _, en := range entries {
		k := strings.ToLower(en.key)
		switch {
		case c.cfg.FlagKeys.has(k):
			b, ok := constBool(en.val)
			switch {
			case en.val == nil:
			case !ok:
			case b:
				return "", false // it says it succeeded
			case en.always && marker == "":
				marker = en.key + ": false"
			}
		case c.cfg.StatusKeys.has(k):
			if en.val == nil {
				continue
			}
			if n, ok := constInt(en.val); ok {
				switch {
				case n >= 100 && n < 400:
					return "", false // a success code
				case n >= 400 && n < 600 && en.always && marker == "":
					marker = en.key + ": " + strconv.FormatInt(n, 10)
				}
				continue
			}
			if str, ok := constString(en.val); ok {
				switch strings.ToLower(str) {
				case "error", "fail", "failed", "failure":
					if en.always && marker == "" {
						marker = en.key + ": " + strconv.Quote(str)
					}
				case "ok", "success", "succeeded":
					return "", false
				}
			}
		case c.cfg.DataKeys.has(k):
			if en.val != nil && !emptyValue(en.val) {
				return "", false // it carries data
			}
		case c.cfg.ErrorKeys.has(k), c.cfg.MetaKeys.has(k):
		default:
			if en.val != nil {
				return "", false // a key we do not know: data
			}
		}
	}
	return marker, marker != ""
}

// mapEnvelope judges a map literal written at the instruction at.
func (c *checker) mapEnvelope(e *analyzer.Engine, m *ssa.MakeMap, at ssa.Instruction) (string, bool) {
	var entries []entry
	for _, ref := range *m.Referrers() {
		switch u := ref.(type) {
		case *ssa.MapUpdate:
			if u.Map != m {
				return "", false
			}
			k, ok := constString(u.Key)
			if !ok {
				return "", false
			}
			if !e.Reaches(u, at) {
				continue
			}
			entries = append(entries, entry{key: k, val: u.Value, always: dominates(u, at)})
		case *ssa.DebugRef:
		default:
			if _, isCall := ref.(ssa.CallInstruction); isCall {
				return "", false // a call may add keys we cannot see
			}
		}
	}
	return c.envelope(entries)
}

// literalAlloc returns the allocation of a struct literal a body is
// (&Response{…}, or Response{…} loaded from its local cell), or nil.
func literalAlloc(v ssa.Value) *ssa.Alloc {
	v = analyzer.Strip(v)
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		v = u.X
	}
	a, ok := v.(*ssa.Alloc)
	if !ok || structOf(a.Type()) == nil {
		return nil
	}
	return a
}

// structEnvelope judges a struct literal written at the instruction at:
// its JSON keys, with the values stored into its fields.
func (c *checker) structEnvelope(e *analyzer.Engine, a *ssa.Alloc, at ssa.Instruction) (string, bool) {
	st := structOf(a.Type())
	stored := make(map[int]entry)
	for _, ref := range *a.Referrers() {
		switch r := ref.(type) {
		case *ssa.FieldAddr:
			for _, r2 := range *r.Referrers() {
				s, ok := r2.(*ssa.Store)
				if !ok || s.Addr != r || !e.Reaches(s, at) {
					continue
				}
				if _, seen := stored[r.Field]; seen {
					return "", false // stored twice: no verdict
				}
				stored[r.Field] = entry{val: s.Val, always: dominates(s, at)}
			}
		case *ssa.Store, *ssa.UnOp, *ssa.DebugRef:
			if s, ok := r.(*ssa.Store); ok && s.Addr == a {
				return "", false // the whole value is assigned: not a literal we read
			}
		case *ssa.MakeInterface, *ssa.ChangeType:
		default:
			if _, isCall := ref.(ssa.CallInstruction); isCall {
				return "", false // handed to a call that may fill it
			}
		}
	}
	var entries []entry
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if !f.Exported() {
			continue
		}
		if f.Embedded() {
			return "", false
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
		en := stored[i]
		en.key = name
		entries = append(entries, en)
	}
	return c.envelope(entries)
}

func constOf(v ssa.Value) *ssa.Const {
	if v == nil {
		return nil
	}
	k, _ := analyzer.Strip(v).(*ssa.Const)
	return k
}

func constBool(v ssa.Value) (bool, bool) {
	k := constOf(v)
	if k == nil || k.Value == nil || k.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(k.Value), true
}

func constInt(v ssa.Value) (int64, bool) {
	k := constOf(v)
	if k == nil || k.Value == nil || k.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(k.Value)
}

func constString(v ssa.Value) (string, bool) {
	k := constOf(v)
	if k == nil || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(k.Value), true
}

// emptyValue reports whether a data value is nil or an empty literal: a
// map or slice literal with no elements, an empty string.
func emptyValue(v ssa.Value) bool {
	v = analyzer.Strip(v)
	switch x := v.(type) {
	case *ssa.Const:
		if x.IsNil() {
			return true
		}
		if x.Value != nil && x.Value.Kind() == constant.String {
			return constant.StringVal(x.Value) == ""
		}
		return false
	case *ssa.MakeMap:
		for _, ref := range *x.Referrers() {
			if _, ok := ref.(*ssa.MapUpdate); ok {
				return false
			}
			if _, isCall := ref.(ssa.CallInstruction); isCall {
				return false
			}
		}
		return true
	case *ssa.MakeSlice:
		if n, ok := constInt(x.Len); ok && n == 0 {
			return true
		}
	case *ssa.Slice:
		// []T{} is a slice of a zero-length array
		if a, ok := x.X.(*ssa.Alloc); ok {
			if arr, ok := derefType(a.Type()).Underlying().(*types.Array); ok && arr.Len() == 0 {
				return true
			}
		}
	case *ssa.UnOp:
		// struct{}{} or an empty struct literal loaded from its cell
		if a, ok := x.X.(*ssa.Alloc); ok && x.Op == token.MUL {
			if st := structOf(a.Type()); st != nil && st.NumFields() == 0 {
				return true
			}
		}
	}
	return false
}
