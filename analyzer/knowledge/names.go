package knowledge

import "go/types"

// FullName is the table key of a function: its FullName after taking
// the generic origin, e.g. "(*net/http.Client).Do".
func FullName(fn *types.Func) string {
	return fn.Origin().FullName()
}

// ShortFuncName names a function by its package's name, not its path:
// (*store.SQLUsers).Get.
func ShortFuncName(fn *types.Func) string {
	qual := func(p *types.Package) string { return p.Name() }
	if recv := fn.Signature().Recv(); recv != nil {
		return "(" + types.TypeString(recv.Type(), qual) + ")." + fn.Name()
	}
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}
