package knowledge

import (
	"go/types"
	"strings"
)

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

// PackageOfFullName returns the path of the package of a function named
// by FullName: "example.com/m/store.Get", "(*example.com/m/store.DB).Get"
// or "(example.com/m/store.List[T]).Len" give "example.com/m/store".
func PackageOfFullName(name string) string {
	if strings.HasPrefix(name, "(") {
		name = strings.TrimPrefix(name[1:], "*")
		if i := strings.IndexAny(name, ")["); i >= 0 {
			name = name[:i]
		}
	}
	i := strings.LastIndex(name, ".")
	if i < 0 {
		return ""
	}
	return name[:i]
}
