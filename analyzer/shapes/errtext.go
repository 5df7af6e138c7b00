package shapes

import (
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
)

// IsErrorValue reports whether v, behind interface conversions, is an
// error: a value whose text a body would show.
func IsErrorValue(v ssa.Value) bool {
	return types.Implements(Strip(v).Type(), ErrorInterface)
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

// EncodedAsFields reports whether an encoder writes a value of type t as
// its fields: a struct (or a pointer to one), not an interface, that
// marshals itself neither as JSON nor as text. An error of such a type
// sends its fields, whose labels the checks follow, not its Error text.
func EncodedAsFields(t types.Type) bool {
	if types.IsInterface(t) {
		return false
	}
	elem := t
	if p, ok := TypeUnder(t).(*types.Pointer); ok {
		elem = p.Elem()
	}
	if _, ok := TypeUnder(elem).(*types.Struct); !ok {
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

// FieldEncoded reports whether an encoder writes the struct field fa
// addresses: it is exported and not tagged json:"-".
func FieldEncoded(fa *ssa.FieldAddr) bool {
	p, ok := TypeUnder(fa.X.Type()).(*types.Pointer)
	if !ok {
		return true
	}
	st, ok := TypeUnder(p.Elem()).(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return true
	}
	return encodedField(st, fa.Field)
}

// FromServedRequest reports whether v is read from the request being
// served: r.Body, bytes read from it, a decoder over it, or anything a
// framework's request context gives; and, where served says a parameter
// is an RPC method's request message, its fields and their getters
// (json.Unmarshal(req.Config, &cfg), req.GetConfig()).
func FromServedRequest(v ssa.Value, served func(*ssa.Parameter) bool) bool {
	seen := make(map[ssa.Value]bool)
	var walk func(v ssa.Value, depth int) bool
	walk = func(v ssa.Value, depth int) bool {
		v = Strip(v)
		if seen[v] || depth > 10 {
			return false
		}
		seen[v] = true
		if knowledge.IsPtrTo(v.Type(), "net/http", "Request") || IsHandlerContext(v.Type()) {
			return true
		}
		switch x := v.(type) {
		case *ssa.Parameter:
			return served != nil && served(x)
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
			obj, _ := Callee(x.Common())
			if obj == nil {
				return false
			}
			args := CallArgs(x.Common())
			if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() != nil && len(args) > 0 {
				if rt := sig.Recv().Type(); knowledge.IsPtrTo(rt, "net/http", "Request") || IsHandlerContext(rt) {
					return true
				}
				if served != nil && sig.Params().Len() == 0 && strings.HasPrefix(obj.Name(), "Get") && walk(args[0], depth+1) {
					return true // a generated getter of the request message
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

// MaxOwnCalls bounds how deep OwnErrorText follows the returns of the
// package's own functions.
const MaxOwnCalls = 3

// MaxTextWalk bounds the values one TextLeaves or OwnErrorText question
// visits (the walk rule of analyzer/engine/engine.go: a visited set, and a budget).
const MaxTextWalk = 256

// WritesToClient reports whether a call only writes into the client's
// response: ResponseWriter.Write, io.Copy(w, …), fmt.Fprint(w, …).
func WritesToClient(obj *types.Func, args []ssa.Value, clientWriter func(ssa.Value) bool) bool {
	if i, ok := knowledge.WriterCalls[knowledge.FullName(obj)]; ok {
		return i < len(args) && clientWriter(args[i])
	}
	switch obj.Name() {
	case "Write", "WriteString":
		sig, _ := obj.Type().(*types.Signature)
		return sig != nil && sig.Recv() != nil && len(args) > 0 && clientWriter(args[0])
	case "Encode":
		// json.NewEncoder(w).Encode(v) with w the client's ResponseWriter
		// itself: it fails marshalling our own value or writing to the
		// client. Only that form: an encoder of another writer (a buffer,
		// a file) fails otherwise (navidrome's session keys).
		if knowledge.FullName(obj) != "(*encoding/json.Encoder).Encode" || len(args) == 0 {
			return false
		}
		enc, ok := Strip(args[0]).(*ssa.Call)
		if !ok || enc.Call.StaticCallee() == nil || enc.Call.StaticCallee().String() != "encoding/json.NewEncoder" || len(enc.Call.Args) != 1 {
			return false
		}
		w := Strip(enc.Call.Args[0])
		return IsResponseWriterType(w.Type()) && clientWriter(w)
	}
	return false
}

// SendsToClientStream reports whether a call sends on the server side
// of an RPC stream (grpc-go's Send, SendAndClose, SendMsg, SendHeader on a
// value whose method set is a grpc.ServerStream's: SendHeader and
// SetTrailer, which client streams lack): a failed send is the client's
// own stream failing, whose text cannot reach it.
func SendsToClientStream(obj *types.Func) bool {
	switch obj.Name() {
	case "Send", "SendAndClose", "SendMsg", "SendHeader":
	default:
		return false
	}
	sig := obj.Signature()
	if sig.Recv() == nil {
		return false
	}
	recv := sig.Recv().Type()
	for _, m := range []string{"SendHeader", "SetTrailer", "RecvMsg"} {
		if o, _, _ := types.LookupFieldOrMethod(recv, true, nil, m); o == nil {
			return false
		}
	}
	return true
}

// TypeUnder is t's underlying type, or nil for nil.
func TypeUnder(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

// JSONCannotFail reports whether encoding/json cannot fail to encode a
// value of type t: booleans, integers and strings, and pointers, slices,
// arrays, maps with string or integer keys and structs (their encoded
// fields) of those. A float (NaN), an interface, a channel, a function,
// a type with its own MarshalJSON or MarshalText, or a pointer cycle (a
// cyclic value) may fail.
func JSONCannotFail(t types.Type) bool {
	return jsonCannotFail(t, make(map[types.Type]bool), 0)
}

func jsonCannotFail(t types.Type, onPath map[types.Type]bool, depth int) bool {
	if depth > 16 || onPath[t] {
		return false // deep, or recursive: a value may hold a cycle
	}
	onPath[t] = true
	defer delete(onPath, t)
	if n, ok := types.Unalias(t).(*types.Named); ok {
		for _, m := range []string{"MarshalJSON", "MarshalText"} {
			if obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(n), true, n.Obj().Pkg(), m); obj != nil {
				return false
			}
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&(types.IsBoolean|types.IsInteger|types.IsString) != 0
	case *types.Pointer:
		return jsonCannotFail(u.Elem(), onPath, depth+1)
	case *types.Slice:
		return jsonCannotFail(u.Elem(), onPath, depth+1)
	case *types.Array:
		return jsonCannotFail(u.Elem(), onPath, depth+1)
	case *types.Map:
		k, ok := u.Key().Underlying().(*types.Basic)
		if !ok || k.Info()&(types.IsString|types.IsInteger) == 0 {
			return false
		}
		if _, named := types.Unalias(u.Key()).(*types.Named); named {
			return false // a named key may encode itself (TextMarshaler)
		}
		return jsonCannotFail(u.Elem(), onPath, depth+1)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if !f.Exported() && !f.Embedded() {
				continue
			}
			if tag := reflect.StructTag(u.Tag(i)).Get("json"); tag == "-" {
				continue
			}
			if !jsonCannotFail(f.Type(), onPath, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}
