package analyzer

import (
	"flag"
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/upstreamlint/upstreamlint/internal/suggest"
)

// A FuncSetting is a setting that names a function the fixes call
// (-passthrough.mapper, -leak.publicmsg): the flag's value, and the
// signature the function must have. A well-formed name is not enough:
// the fix imports the function's package and calls it, so the package
// must be one the linted packages can import, declare the function, and
// the function must take and return what the fix passes and expects.
// The drivers check that against the build (FuncSettings, Check) before
// they offer a fix that would not compile.
type FuncSetting struct {
	// Name is the setting's name, as -NAME.FLAG without the dash:
	// "passthrough.mapper".
	Name string
	// Func is the function, parsed by the flag.
	Func *QualifiedFunc
	// Want is the signature the function must have.
	Want Signature
}

// FuncVar defines the function setting name of a on a's flags, bound to
// q, as a.Flags.Var would, and returns it.
func FuncVar(a *analysis.Analyzer, q *QualifiedFunc, name string, want Signature, usage string) *FuncSetting {
	s := &FuncSetting{Name: a.Name + "." + name, Func: q, Want: want}
	a.Flags.Var(s, name, usage)
	return s
}

func (s *FuncSetting) String() string {
	if s == nil || s.Func == nil {
		return "" // the flag package's zero value
	}
	return s.Func.String()
}

// Set parses "import/path.Func" (QualifiedFunc.Set).
func (s *FuncSetting) Set(v string) error { return s.Func.Set(v) }

// IsSet reports whether a function was configured.
func (s *FuncSetting) IsSet() bool { return s != nil && s.Func.IsSet() }

// FuncSettings returns the function settings of analyzers that are set,
// in the order of the analyzers and their flags.
func FuncSettings(analyzers []*analysis.Analyzer) []*FuncSetting {
	var out []*FuncSetting
	for _, a := range analyzers {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if s, ok := f.Value.(*FuncSetting); ok && s.IsSet() {
				out = append(out, s)
			}
		})
	}
	return out
}

// Errorf returns an error of the setting, a *SettingError: its name,
// its value, and why it does not resolve.
func (s *FuncSetting) Errorf(format string, args ...any) error {
	return &SettingError{Setting: s.Name, Value: s.Func.String(), Reason: fmt.Sprintf(format, args...)}
}

// Check checks the setting against pkg, the package its import path
// names: the package can be imported (it is not a program), declares
// the function, and the function has the signature wanted. It returns
// nil or a *SettingError.
func (s *FuncSetting) Check(pkg *types.Package) error {
	q := s.Func
	if pkg.Name() == "main" {
		return s.Errorf("%s is a program (package main), which cannot be imported", q.Path)
	}
	obj := pkg.Scope().Lookup(q.Name)
	if obj == nil {
		var funcs []string
		for _, name := range pkg.Scope().Names() {
			if _, ok := pkg.Scope().Lookup(name).(*types.Func); ok && token.IsExported(name) {
				funcs = append(funcs, name)
			}
		}
		hint := ""
		if best, dist := suggest.Nearest(q.Name, funcs); suggest.Near(best, dist) {
			hint = fmt.Sprintf(" (did you mean %s?)", best)
		}
		return s.Errorf("package %s has no function %s%s", q.Path, q.Name, hint)
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return s.Errorf("%s.%s is a %s, not a function", pkg.Name(), q.Name, objectKind(obj))
	}
	sig := fn.Type().(*types.Signature)
	if !s.Want.matches(sig) {
		found := types.TypeString(sig, func(p *types.Package) string { return p.Name() })
		return s.Errorf("%s.%s is %s; want %s", pkg.Name(), q.Name, found, s.Want)
	}
	return nil
}

// objectKind names the kind of a package-level object that is not a
// function.
func objectKind(obj types.Object) string {
	switch obj.(type) {
	case *types.Var:
		return "variable"
	case *types.Const:
		return "constant"
	case *types.TypeName:
		return "type"
	}
	return "name"
}

// Signature is the signature a function setting wants: its parameter
// and result types, as types.TypeString writes them with full package
// paths ("int", "error", "google.golang.org/grpc/codes.Code").
type Signature struct {
	Params, Results []string
}

// String writes the signature with package names, as Go code does:
// func(codes.Code) codes.Code.
func (s Signature) String() string {
	short := func(list []string) string {
		out := make([]string, len(list))
		for i, t := range list {
			if slash := strings.LastIndexByte(t, '/'); slash >= 0 {
				t = t[slash+1:]
			}
			out[i] = t
		}
		return strings.Join(out, ", ")
	}
	res := short(s.Results)
	if len(s.Results) > 1 {
		res = "(" + res + ")"
	}
	return strings.TrimSpace("func(" + short(s.Params) + ") " + res)
}

// matches reports whether sig is the signature: the same parameter and
// result types, not variadic, not generic.
func (s Signature) matches(sig *types.Signature) bool {
	if sig.Recv() != nil || sig.TypeParams().Len() > 0 || sig.Variadic() {
		return false
	}
	same := func(tuple *types.Tuple, want []string) bool {
		if tuple.Len() != len(want) {
			return false
		}
		for i := range tuple.Len() {
			if types.TypeString(types.Unalias(tuple.At(i).Type()), nil) != want[i] {
				return false
			}
		}
		return true
	}
	return same(sig.Params(), s.Params) && same(sig.Results(), s.Results)
}

// A SettingError is a setting whose value is well-formed but does not
// resolve in the build of the linted packages: a function setting whose
// package cannot be loaded, which has no such function, or whose
// function has another signature. The standalone command exits with
// its usage code; the other hosts fail the analysis with it.
type SettingError struct {
	// Setting is the setting's name, "passthrough.mapper"; Value its
	// value; Reason what is wrong.
	Setting string `json:"setting"`
	Value   string `json:"value"`
	Reason  string `json:"reason"`
}

func (e *SettingError) Error() string {
	return fmt.Sprintf("-%s=%s: %s", e.Setting, e.Value, e.Reason)
}

// A FuncLoader returns the types of the package with the import path
// path, as the go command builds it from dir, or why it cannot be
// loaded: a host that has the go command and analyses each package on
// its own gives one to the shared analysis (SetFuncLoader).
type FuncLoader func(dir, path string) (*types.Package, error)

// SetFuncLoader makes CheckFunc load, with l, the package of a function
// setting that the package analysed does not import. Without one (the
// standalone runner, which checks the settings before the analysis;
// nogo, which has no go command), such a setting is taken as it is.
func (s *Shared) SetFuncLoader(l FuncLoader) {
	s.mu.Lock()
	s.loader = l
	s.loaded = make(map[string]loadedPackage)
	s.mu.Unlock()
}

// loadedPackage is what a FuncLoader returned for a path.
type loadedPackage struct {
	pkg *types.Package
	err error
}

// CheckFunc checks a function setting before a fix of pass's package
// calls the function (FuncSetting.Check): against the package's own
// types when it imports the function's package, directly or not, and
// otherwise against the package the shared analysis' FuncLoader loads,
// once per instance, if it has one. It returns nil or a *SettingError,
// which the check returns: a fix that cannot compile is never offered.
func (r *Result) CheckFunc(pass *analysis.Pass, s *FuncSetting) error {
	if pkg := importedPackage(pass.Pkg, s.Func.Path); pkg != nil {
		return s.Check(pkg)
	}
	if r.shared == nil || len(pass.Files) == 0 {
		return nil
	}
	sh := r.shared
	sh.mu.Lock()
	load := sh.loader
	sh.mu.Unlock()
	if load == nil {
		return nil
	}
	dir := ""
	if tf := pass.Fset.File(pass.Files[0].FileStart); tf != nil {
		dir = filepath.Dir(tf.Name())
	}
	sh.loadMu.Lock() // one load of a package per instance, however many packages ask
	defer sh.loadMu.Unlock()
	l, ok := sh.loaded[s.Func.Path]
	if !ok {
		l.pkg, l.err = load(dir, s.Func.Path)
		sh.loaded[s.Func.Path] = l
	}
	if l.err != nil {
		return s.Errorf("package %s cannot be loaded: %v", s.Func.Path, l.err)
	}
	return s.Check(l.pkg)
}

// importedPackage returns the package with the import path path if it
// is pkg or one pkg imports, directly or not, with all its objects, or
// nil.
func importedPackage(pkg *types.Package, path string) *types.Package {
	seen := make(map[*types.Package]bool)
	var find func(p *types.Package) *types.Package
	find = func(p *types.Package) *types.Package {
		if seen[p] {
			return nil
		}
		seen[p] = true
		if p.Path() == path {
			if !p.Complete() {
				// export data names only what it refers to of an
				// indirect import: a missing name proves nothing
				return nil
			}
			return p
		}
		for _, imp := range p.Imports() {
			if found := find(imp); found != nil {
				return found
			}
		}
		return nil
	}
	return find(pkg)
}
