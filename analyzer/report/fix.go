package report

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// WrapEdits returns the two minimal edits that turn expr into fn(expr).
func WrapEdits(expr ast.Expr, fn string) []analysis.TextEdit {
	return []analysis.TextEdit{
		{Pos: expr.Pos(), End: expr.Pos(), NewText: []byte(fn + "(")},
		{Pos: expr.End(), End: expr.End(), NewText: []byte(")")},
	}
}

// ImportName returns the name under which file refers to importPath,
// and an edit adding the import when the file lacks it. It fails when
// the name would collide with another name in the file's scope.
// Identical import edits from several fixes coalesce when merged.
func ImportName(info *types.Info, pkg *types.Package, file *ast.File, importPath string) (string, []analysis.TextEdit, bool) {
	for _, imp := range file.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil || p != importPath {
			continue
		}
		switch {
		case imp.Name == nil:
			if pn, ok := info.Implicits[imp].(*types.PkgName); ok {
				return pn.Name(), nil, true
			}
		case imp.Name.Name != "_" && imp.Name.Name != ".":
			return imp.Name.Name, nil, true
		}
	}
	name := guessPackageName(importPath)
	explicit := true
	if imp := importedPackage(pkg, importPath); imp != nil {
		// A dependency (maybe indirect) tells the package's real name.
		name, explicit = imp.Name(), imp.Name() != path.Base(importPath)
	}
	if !token.IsIdentifier(name) {
		return "", nil, false
	}
	// The name must be free in the file scope and the package scope.
	if s := info.Scopes[file]; s != nil && s.Lookup(name) != nil {
		return "", nil, false
	}
	if pkg.Scope().Lookup(name) != nil {
		return "", nil, false
	}
	std := isStdPath(importPath)
	if std && name == path.Base(importPath) {
		// The standard library's package names are their last element.
		explicit = false
	}
	spec := strconv.Quote(importPath)
	if explicit {
		// The real package name is unknown here: name it explicitly.
		spec = name + " " + spec
	}
	if !explicit && std {
		if pos, text, ok := intoStdGroup(file, importPath, spec); ok {
			return name, []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(text)}}, true
		}
	}
	if !std {
		if pos, text, ok := intoLastGroup(file, spec); ok {
			return name, []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(text)}}, true
		}
	}
	var pos token.Pos
	var text string
	if n := len(file.Imports); n > 0 {
		// after the last import declaration
		for _, decl := range file.Decls {
			if gd, ok := decl.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
				pos = gd.End()
			}
		}
		text = "\n\nimport " + spec
	} else {
		pos = file.Name.End()
		text = "\n\nimport " + spec
	}
	return name, []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(text)}}, true
}

// intoStdGroup places a standard-library import among the standard
// imports of a parenthesized import declaration, where gofmt keeps it:
// in path order within the standard imports that open the declaration.
// It declines (ok false) when there is no such run.
func intoStdGroup(file *ast.File, importPath, spec string) (token.Pos, string, bool) {
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT || !gd.Lparen.IsValid() || len(gd.Specs) == 0 {
			continue
		}
		// Blank lines may split the run into blocks that gofmt sorts
		// apart; inserting before the first greater path (or after the
		// last) keeps whichever block receives it sorted all the same.
		var run []*ast.ImportSpec
		for _, sp := range gd.Specs {
			is := sp.(*ast.ImportSpec)
			p, err := strconv.Unquote(is.Path.Value)
			if err != nil || !isStdPath(p) {
				break
			}
			run = append(run, is)
		}
		if len(run) == 0 {
			return token.NoPos, "", false
		}
		for _, is := range run {
			p, _ := strconv.Unquote(is.Path.Value)
			if p > importPath {
				at := is.Pos()
				if is.Doc != nil {
					at = is.Doc.Pos()
				}
				return at, spec + "\n\t", true
			}
		}
		last := run[len(run)-1]
		at := last.End()
		if last.Comment != nil {
			at = last.Comment.End()
		}
		return at, "\n\t" + spec, true
	}
	return token.NoPos, "", false
}

// intoLastGroup places a non-standard import at the end of the last
// parenthesized import declaration: in its last group when that group
// holds non-standard imports (gofmt sorts it there), else in a group of
// its own after the standard imports, as goimports would.
func intoLastGroup(file *ast.File, spec string) (token.Pos, string, bool) {
	var last *ast.GenDecl
	for _, decl := range file.Decls {
		if gd, ok := decl.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			last = gd
		}
	}
	if last == nil || !last.Lparen.IsValid() || len(last.Specs) == 0 {
		return token.NoPos, "", false
	}
	is := last.Specs[len(last.Specs)-1].(*ast.ImportSpec)
	at := is.End()
	if is.Comment != nil {
		at = is.Comment.End()
	}
	p, err := strconv.Unquote(is.Path.Value)
	if err != nil {
		return token.NoPos, "", false
	}
	if !isStdPath(p) {
		return at, "\n\t" + spec, true
	}
	return at, "\n\n\t" + spec, true
}

// isStdPath reports whether an import path is the standard library's:
// its first element has no dot.
func isStdPath(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return !strings.Contains(first, ".")
}

// importedPackage finds the package of path among the (transitive)
// imports of pkg, or returns nil.
func importedPackage(pkg *types.Package, path string) *types.Package {
	seen := make(map[*types.Package]bool)
	work := []*types.Package{pkg}
	for len(work) > 0 {
		p := work[len(work)-1]
		work = work[:len(work)-1]
		for _, imp := range p.Imports() {
			if imp.Path() == path {
				return imp
			}
			if !seen[imp] {
				seen[imp] = true
				work = append(work, imp)
			}
		}
	}
	return nil
}

// HostFile picks the file that receives a helper a package's fixes
// share: the first, by name, of the files with findings, preferring
// non-test files so that the package still builds without its tests.
// Every variant of a package (with or without its tests) picks the same
// file when it has findings in non-test files, so identical insertions
// coalesce when fixes are merged.
func HostFile(fset *token.FileSet, files []*ast.File) *ast.File {
	if len(files) == 0 {
		return nil
	}
	name := func(f *ast.File) string { return fset.File(f.Pos()).Name() }
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b *ast.File) int {
		ta, tb := strings.HasSuffix(name(a), "_test.go"), strings.HasSuffix(name(b), "_test.go")
		switch {
		case ta && !tb:
			return 1
		case tb && !ta:
			return -1
		}
		return strings.Compare(name(a), name(b))
	})
	return sorted[0]
}

// Qualify returns how file refers to the package-level object path.name
// at pos, with the import edit it needs; it fails when a local
// declaration would shadow the name.
func Qualify(pass *analysis.Pass, file *ast.File, pos token.Pos, path, name string) (string, []analysis.TextEdit, bool) {
	if path == pass.Pkg.Path() {
		obj := pass.Pkg.Scope().Lookup(name)
		if obj == nil || !NameRefersTo(pass.Pkg, pos, name, obj) {
			return "", nil, false
		}
		return name, nil, true
	}
	local, edits, ok := ImportName(pass.TypesInfo, pass.Pkg, file, path)
	if !ok {
		return "", nil, false
	}
	var want types.Object
	if len(edits) == 0 {
		want = ImportedPkgName(pass.TypesInfo, file, path)
	}
	if !NameRefersTo(pass.Pkg, pos, local, want) {
		return "", nil, false
	}
	return local + "." + name, edits, true
}

// ImportedPkgName returns the object of file's import of path, or nil.
func ImportedPkgName(info *types.Info, file *ast.File, path string) types.Object {
	for _, imp := range file.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err == nil && p == path {
			if imp.Name != nil {
				return info.Defs[imp.Name]
			}
			return info.Implicits[imp]
		}
	}
	return nil
}

// NameRefersTo reports whether name, used at pos, resolves to want (or
// to nothing, when want is nil): a local declaration must not shadow
// the name a fix inserts.
func NameRefersTo(pkg *types.Package, pos token.Pos, name string, want types.Object) bool {
	scope := pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	_, obj := scope.LookupParent(name, pos)
	return obj == want
}

// guessPackageName derives a package name from an import path: its
// last element without a major-version suffix or a "go-" prefix, with
// characters that cannot appear in identifiers removed. The import is
// written with this name explicitly when it differs from the last
// element, so the guess need not be the package's declared name.
func guessPackageName(importPath string) string {
	elems := strings.Split(importPath, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = elems[len(elems)-2]
	}
	last = strings.TrimPrefix(last, "go-")
	var b strings.Builder
	for _, r := range last {
		if r == '_' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || (b.Len() > 0 && '0' <= r && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// MergeInsertions joins the insertions of one fix that share an offset
// into a single edit, their texts in the fix's order (two imports added
// after the same import declaration, say). A fix then never holds two
// edits at one point, whose order drivers that merge fixes (the command's
// -fix, golangci-lint, gopls) could not know.
func MergeInsertions(edits []analysis.TextEdit) []analysis.TextEdit {
	var out []analysis.TextEdit
	at := make(map[token.Pos]int) // offset -> index in out of its insertion
	for _, e := range edits {
		if e.End.IsValid() && e.End != e.Pos {
			out = append(out, e)
			continue
		}
		if i, ok := at[e.Pos]; ok {
			out[i].NewText = append(slices.Clip(out[i].NewText), e.NewText...)
			continue
		}
		at[e.Pos] = len(out)
		out = append(out, analysis.TextEdit{Pos: e.Pos, End: e.Pos, NewText: slices.Clone(e.NewText)})
	}
	return out
}
