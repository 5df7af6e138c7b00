package shapes

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
)

// BoundMethod returns the method a bound method value's wrapper (h.get)
// calls, or nil.
func BoundMethod(f *ssa.Function) *ssa.Function {
	if m, ok := f.Object().(*types.Func); ok {
		if fn := f.Prog.FuncValue(m); fn != nil {
			return fn
		}
	}
	return nil
}

// CallRead is the read of a call of a function value: the results of a
// function parameter called by the function summarised.
const CallRead = "()"

func ContainsHandler(hs []knowledge.InstalledHandler, h *knowledge.InstalledHandler) bool {
	for _, x := range hs {
		if x.Name == h.Name && x.Pos == h.Pos {
			return true
		}
	}
	return false
}

// ErrorHandlerShape reports whether a signature is that of a fiber or
// echo error handler: func(*fiber.Ctx, error) error, func(error, echo.Context).
func ErrorHandlerShape(sig *types.Signature) bool {
	p := sig.Params()
	if p.Len() != 2 {
		return false
	}
	for _, fw := range knowledge.ErrorFrameworks {
		if fw.ErrParam < 0 || fw.ErrParam > 1 {
			continue // not a (context, error) shape
		}
		ctx := 1 - fw.ErrParam
		if fw.Handler.Is(p.At(ctx).Type()) && knowledge.IsErrorType(p.At(fw.ErrParam).Type()) {
			return true
		}
	}
	return false
}

// FrameworkError reports whether v is a framework's error type
// (*fiber.Error, *echo.HTTPError).
func FrameworkError(v ssa.Value) bool {
	v = Strip(v)
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	t := v.Type()
	for _, fw := range knowledge.ErrorFrameworks {
		if knowledge.IsPtrTo(t, fw.ErrorType[0], fw.ErrorType[1]) {
			return true
		}
	}
	return false
}

// HandlerFramework says which framework a function with this signature
// is a handler of: func(*fiber.Ctx) error, func(echo.Context) error.
func HandlerFramework(sig *types.Signature) string {
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 || !knowledge.IsErrorType(sig.Results().At(0).Type()) {
		return ""
	}
	t := sig.Params().At(0).Type()
	for _, fw := range knowledge.ErrorFrameworks {
		if fw.Handler.Is(t) {
			return fw.Name
		}
	}
	return ""
}

func HandlerFunc(v ssa.Value) *ssa.Function {
	switch v := Strip(v).(type) {
	case *ssa.Function:
		return v
	case *ssa.MakeClosure:
		f, _ := v.Fn.(*ssa.Function)
		return f
	}
	return nil
}

// HandlerName names an installed error handler for messages: the
// function's name, or "" for a function literal.
func HandlerName(fn *ssa.Function) string {
	if fn.Parent() != nil {
		return ""
	}
	return fn.Name()
}

func ShortFile(name string) string {
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '/' || name[i] == '\\' {
			return name[i+1:]
		}
	}
	return name
}
