package shapes

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
)

// ParentRoot returns the outermost function enclosing fn (fn itself
// when it is not a function literal).
func ParentRoot(fn *ssa.Function) *ssa.Function {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	return fn
}

// ErrorConstructor reports whether obj builds an error (a sink row whose
// message is sent where the error is answered: fiber.NewError, kratos'
// errors.New).
func ErrorConstructor(obj *types.Func) bool {
	sig, ok := obj.Type().(*types.Signature)
	if !ok || sig.Results().Len() != 1 {
		return false
	}
	return types.Implements(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type().Underlying().(*types.Interface))
}

// ErrorFieldLoad recognises a read of a library's error field (gorm's
// db.First(&u).Error): a dependency error of the call that returned the
// value, or of the read itself when the value is not a call's result.
func ErrorFieldLoad(load *ssa.UnOp) (labels.Label, bool) {
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return labels.Label{}, false
	}
	want, ok := knowledge.ErrorFields[knowledge.NamedPath(fa.X.Type())]
	if !ok || FieldName(fa.X.Type(), fa.Field, true) != want {
		return labels.Label{}, false
	}
	origin := fa.Pos()
	if c, ok := fa.X.(*ssa.Call); ok {
		origin = c.Pos()
	}
	return labels.Label{Kind: knowledge.KindDepError, Origin: origin}, true
}

// ErrorfOp says how fmt.Errorf treats its arguments: with %w the
// result wraps them (errors.Is/As and grpc-go's status.FromError see
// through it); with other verbs only their text remains.
func ErrorfOp(format ssa.Value) string {
	if c, ok := format.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
		if strings.Contains(constant.StringVal(c.Value), "%w") {
			return knowledge.OpWrap
		}
		return knowledge.OpWrapText
	}
	return knowledge.OpWrap
}

// ForwardsServedRequest reports whether an HTTP client call sends the
// request being served, unchanged: the *http.Request parameter of a
// net/http handler, or the Request field of a *gin.Context, that the
// function neither modifies (no store through it) nor hands to another
// call. A reverse proxy that rewrites the URL to an internal target, or
// passes the request to a director, is not such a call.
func ForwardsServedRequest(call *ssa.Call, args []ssa.Value) bool {
	var req ssa.Value
	for _, a := range args {
		if knowledge.IsPtrTo(a.Type(), "net/http", "Request") {
			req = a
			break
		}
	}
	if req == nil {
		return false
	}
	fn := call.Parent()
	root := servedRequestRoot(req, fn)
	if root == nil {
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Store:
				if servedRequestRoot(x.Addr, fn) == root {
					return false // r.URL.Host = …, c.Request.Host = …
				}
			case ssa.CallInstruction:
				if x == ssa.CallInstruction(call) {
					continue
				}
				if obj, _ := Callee(x.Common()); obj != nil && (isMethodOf(obj, "net/http", "Request") || knowledge.IsRequestFieldMethod(obj)) {
					continue // r.Context(), c.Param(…): the framework's methods do not retarget it
				}
				for _, a := range CallArgs(x.Common()) {
					if _, carrier := knowledge.RequestField(a.Type()); (knowledge.IsPtrTo(a.Type(), "net/http", "Request") || carrier) && servedRequestRoot(a, fn) == root {
						return false // handed to a director (rewrite(r), rewrite(c)), cloned, …
					}
				}
			}
		}
	}
	return true
}

// FuncVar names the package-level variable a function value is loaded
// from ("github.com/go-chi/render.Respond"), or "".
func FuncVar(v ssa.Value) string {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return ""
	}
	g, ok := u.X.(*ssa.Global)
	if !ok || g.Object() == nil || g.Object().Pkg() == nil {
		return ""
	}
	return g.Object().Pkg().Path() + "." + g.Object().Name()
}

func HasErrorMethod(iface *types.Interface) bool {
	for i := 0; i < iface.NumMethods(); i++ {
		if m := iface.Method(i); m.Name() == "Error" {
			return true
		}
	}
	return false
}

func hasResponseWriterParam(fn *ssa.Function) bool {
	for _, p := range fn.Params {
		if IsResponseWriterType(p.Type()) {
			return true
		}
	}
	return false
}

// isMethodOf reports whether obj is a method of *pkg.name.
func isMethodOf(obj *types.Func, pkg, name string) bool {
	sig, ok := obj.Type().(*types.Signature)
	return ok && sig.Recv() != nil && knowledge.IsPtrTo(sig.Recv().Type(), pkg, name)
}

const MaxReachingBlocks = 64

// servedRequestRoot follows loads and field addresses from v back to the
// served request it derives from: the *http.Request parameter of a
// net/http handler fn, or the *gin.Context parameter whose Request field
// it reads. It returns that parameter, or nil.
func servedRequestRoot(v ssa.Value, fn *ssa.Function) *ssa.Parameter {
	for range 8 {
		switch x := v.(type) {
		case *ssa.Parameter:
			if x.Parent() != fn {
				return nil
			}
			if knowledge.IsPtrTo(x.Type(), "net/http", "Request") && hasResponseWriterParam(fn) {
				return x
			}
			if _, ok := knowledge.RequestField(x.Type()); ok {
				return x
			}
			return nil
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return nil
			}
			v = x.X
		case *ssa.FieldAddr:
			if f, ok := knowledge.RequestField(x.X.Type()); ok && FieldName(x.X.Type(), x.Field, true) != f {
				return nil
			}
			v = x.X
		case *ssa.Field:
			v = x.X
		default:
			return nil
		}
	}
	return nil
}

// ServedResponse reports whether v is the response of the request being
// served by a framework: (*fiber.Ctx).Response(), or the Response field
// of a *fasthttp.RequestCtx. A fasthttp client's response is not.
func ServedResponse(v ssa.Value) bool {
	switch x := v.(type) {
	case *ssa.Call:
		obj, _ := Callee(x.Common())
		return obj != nil && knowledge.ServedResponses[knowledge.FullName(obj)]
	case *ssa.FieldAddr:
		return knowledge.IsServedResponseField(x.X.Type(), FieldName(x.X.Type(), x.Field, true))
	}
	return false
}

// WriterParam returns the index of the parameter of the enclosing
// function that v is (through interface conversions and writer
// wrappers such as json.NewEncoder), or -1.
func WriterParam(v ssa.Value, depth int) int {
	if depth > 8 {
		return -1
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return WriterParam(x.X, depth+1)
	case *ssa.ChangeInterface:
		return WriterParam(x.X, depth+1)
	case *ssa.Call:
		if obj, _ := Callee(x.Common()); obj != nil && knowledge.WriterWrappers[knowledge.FullName(obj)] {
			if args := CallArgs(x.Common()); len(args) > 0 {
				return WriterParam(args[0], depth+1)
			}
		}
	case *ssa.Parameter:
		for i, p := range x.Parent().Params {
			if p == x {
				return i
			}
		}
	}
	return -1
}
