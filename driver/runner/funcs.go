package runner

import (
	"fmt"
	"go/types"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	upstream "github.com/upstreamlint/upstreamlint/analyzer"
)

// Function settings (-passthrough.mapper=import/path.Func and the like).
//
// A fix that calls the function imports its package: the settings are
// checked against the build before the fixes are made, and a setting
// that does not resolve fails the run with an *analyzer.SettingError
// (the standalone command's usage error). A package of the loaded graph
// is checked where the runner type-checks it, in phase 1: it is always
// analysed from source (or read from the cache, whose entries it gets
// only when its settings resolve), so a run that reads everything from
// the cache checks nothing again and loads nothing more. A package the
// linted packages do not import is loaded on its own, right after the
// graph (LoadTypes: one go list, the package's export data): it may be
// in a module the build requires without being imported yet.

// funcChecks holds the function settings of a run and the first of
// them found not to resolve.
type funcChecks struct {
	failed atomic.Bool // a setting does not resolve: the analysis stops
	mu     sync.Mutex
	err    error
}

// fail records err, the first one wins, and stops the analysis.
func (f *funcChecks) fail(err error) {
	f.mu.Lock()
	if f.err == nil {
		f.err = err
	}
	f.mu.Unlock()
	f.failed.Store(true)
}

// checkFuncSettings checks the function settings of analyzers that it
// can check now, and gives the others to the units of their packages,
// which phase 1 analyses from source (checkUnitFuncs). goflags are the
// go command's GOFLAGS.
func (r *exportRun) checkFuncSettings(dir, goflags string, analyzers []*analysis.Analyzer) error {
	settings := upstream.FuncSettings(analyzers)
	var outside []*upstream.FuncSetting
	for _, s := range settings {
		u := r.byID[s.Func.Path] // the package itself, not a test variant
		switch {
		case u == nil:
			outside = append(outside, s)
		case len(u.pkg.Errors) > 0:
			return s.Errorf("package %s cannot be loaded: %s", s.Func.Path, oneLine(u.pkg.Errors[0].Msg))
		case u.pkg.Name == "main":
			return s.Check(types.NewPackage(u.pkg.PkgPath, u.pkg.Name)) // says a program cannot be imported
		default:
			u.funcs = append(u.funcs, s)
		}
	}
	if len(outside) == 0 {
		return nil
	}
	var paths []string
	for _, s := range outside {
		paths = append(paths, s.Func.Path)
	}
	pkgs, errs, err := loadTypes(dir, goflags, paths)
	if err != nil {
		return err
	}
	for _, s := range outside {
		if err := errs[s.Func.Path]; err != nil {
			return s.Errorf("package %s cannot be loaded: %v", s.Func.Path, err)
		}
		if err := s.Check(pkgs[s.Func.Path]); err != nil {
			return err
		}
	}
	return nil
}

// checkUnitFuncs checks the function settings whose package u is, in
// phase 1, with u's types, or fails them with why u has none that are
// right (it does not compile). A setting that does not resolve stops
// the run; it reports whether all of them resolve.
func (r *exportRun) checkUnitFuncs(u *unit, pkg *types.Package, why error) bool {
	for _, s := range u.funcs {
		var err error
		if why != nil {
			err = s.Errorf("package %s does not compile: %s", s.Func.Path, oneLine(why.Error()))
		} else {
			err = s.Check(pkg)
		}
		if err != nil {
			r.funcs.fail(err)
			return false
		}
	}
	return true
}

// LoadTypes loads the packages with the import paths paths as the go
// command builds them from dir, with their types from export data: the
// package of a function setting that the packages analysed do not
// import. It returns each package's types, or why it cannot be loaded;
// the error is that of the go command itself.
func LoadTypes(dir string, paths []string) (map[string]*types.Package, map[string]error, error) {
	return loadTypes(dir, os.Getenv("GOFLAGS"), paths)
}

func loadTypes(dir, goflags string, paths []string) (map[string]*types.Package, map[string]error, error) {
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes, Dir: dir}
	if strings.Contains(goflags, "-mod=mod") {
		// the go command would look a misspelled path up on the module
		// proxy and add what it finds to go.mod
		cfg.BuildFlags = []string{"-mod=readonly"}
	}
	list, err := packages.Load(cfg, paths...)
	if err != nil {
		return nil, nil, err
	}
	pkgs := make(map[string]*types.Package)
	errs := make(map[string]error)
	for _, p := range list {
		switch {
		case len(p.Errors) > 0:
			errs[p.PkgPath] = fmt.Errorf("%s", oneLine(p.Errors[0].Msg))
		case p.Types == nil:
			errs[p.PkgPath] = fmt.Errorf("no type information")
		default:
			pkgs[p.PkgPath] = p.Types
		}
	}
	for _, path := range paths {
		if pkgs[path] == nil && errs[path] == nil {
			errs[path] = fmt.Errorf("the go command lists no such package")
		}
	}
	return pkgs, errs, nil
}

// LoadFuncPackage is an analyzer.FuncLoader over LoadTypes, for a host
// that analyses each package on its own.
func LoadFuncPackage(dir, path string) (*types.Package, error) {
	pkgs, errs, err := LoadTypes(dir, []string{path})
	if err != nil {
		return nil, err
	}
	if err := errs[path]; err != nil {
		return nil, err
	}
	return pkgs[path], nil
}

// oneLine joins the lines of a go command error ("…; to add it:\n\tgo get …")
// without the package header of the compiler's ("# example.com/x").
func oneLine(s string) string {
	var lines []string
	for line := range strings.Lines(s) {
		if !strings.HasPrefix(line, "# ") {
			lines = append(lines, line)
		}
	}
	return strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
}
