package runner

import (
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"sync"
)

// trimDecls shrinks the syntax of a package whose types only its
// importers need (declTypes) before it is type-checked without function
// bodies, so that the types kept for the whole run are about what export
// data would hold:
//
//   - dropUnreachable drops the declarations no other package can reach;
//   - blankParams renames parameters and results "_", so that the
//     checker declares no scope entry for them, which is most of the
//     memory of a signature. Their number and types, which is what an
//     importer's type-checking and the analyses read, are unchanged.
func trimDecls(files []*ast.File) {
	dropUnreachable(files)
	blankParams(files)
}

// dropUnreachable drops, from a package's files, the unexported
// functions, variables and types (with their methods) that no kept
// declaration names, directly or not; exported declarations, constants
// (a constant's value can depend on its place in its group) and the
// methods of kept types (they make its method set) are kept. Names are
// matched as words, whatever they resolve to, and a kept declaration's
// every identifier outside a function body (which is not type-checked)
// keeps what it may name: what is dropped is never referred to, so the
// importers see the same types. Nor is a fact lost: an importer can
// only hold an object its imports' declarations reach.
func dropUnreachable(files []*ast.File) {
	// droppable declarations by name (a method by its type's), and
	// whether each is kept
	type decl struct {
		node ast.Node // *ast.FuncDecl, *ast.ValueSpec or *ast.TypeSpec
		kept bool
	}
	byName := make(map[string][]*decl)
	droppable := func(name string, n ast.Node) {
		byName[name] = append(byName[name], &decl{node: n})
	}
	var queue []ast.Node // kept declarations whose identifiers are not walked yet
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if name := declName(d); name != "" && !token.IsExported(name) {
					droppable(name, d)
					continue
				}
				queue = append(queue, d)
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if !s.Name.IsExported() {
							droppable(s.Name.Name, s)
							continue
						}
					case *ast.ValueSpec:
						if d.Tok == token.VAR && !exportsAny(s.Names) {
							for _, n := range s.Names {
								if n.Name != "_" {
									droppable(n.Name, s)
								}
							}
							continue
						}
					}
					queue = append(queue, s)
				}
			}
		}
	}
	// A method goes with its type, unless the type is not droppable: an
	// alias's methods are those of the type it names.
	for _, list := range byName {
		typ := false
		for _, e := range list {
			if ts, ok := e.node.(*ast.TypeSpec); ok && !ts.Assign.IsValid() {
				typ = true
			}
		}
		if !typ {
			for _, e := range list {
				if fd, ok := e.node.(*ast.FuncDecl); ok && fd.Recv != nil {
					e.kept = true
					queue = append(queue, fd)
				}
			}
		}
	}
	keep := func(name string) {
		for _, e := range byName[name] {
			if !e.kept {
				e.kept = true
				queue = append(queue, e.node)
			}
		}
	}
	var idents func(n ast.Node) bool
	idents = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			keep(n.Name)
		case *ast.Field:
			// a parameter's or field's name declares, and refers to
			// nothing
			ast.Inspect(n.Type, idents)
			return false
		}
		return true
	}
	for len(queue) > 0 {
		n := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if fd, ok := n.(*ast.FuncDecl); ok {
			// the body is not type-checked: only the signature can
			// refer to other declarations
			if fd.Recv != nil {
				ast.Inspect(fd.Recv, idents)
			}
			ast.Inspect(fd.Type, idents)
			continue
		}
		ast.Inspect(n, idents)
	}
	kept := func(n ast.Node) bool {
		for _, e := range byName[declName(n)] {
			if e.node == n {
				return e.kept
			}
		}
		// not droppable, but for var _ = x, which nothing can name
		vs, ok := n.(*ast.ValueSpec)
		return !ok || declName(vs) != ""
	}
	for _, f := range files {
		out := f.Decls[:0]
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if !kept(d) {
					continue
				}
			case *ast.GenDecl:
				if d.Tok == token.VAR || d.Tok == token.TYPE {
					d.Specs = slices.DeleteFunc(d.Specs, func(s ast.Spec) bool { return !kept(s) })
					if len(d.Specs) == 0 {
						continue
					}
				}
			}
			out = append(out, d)
		}
		clear(f.Decls[len(out):])
		f.Decls = out
	}
}

// blankParams renames "_" the parameters and results of the function
// types of a package's declarations (signatures, interface methods,
// fields of function type) and the receivers of its methods; not those
// of function literals, which are not type-checked without bodies.
func blankParams(files []*ast.File) {
	visit := func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.BlockStmt:
			return false
		case *ast.FuncDecl:
			blankFields(n.Recv)
		case *ast.FuncType:
			blankFields(n.Params)
			blankFields(n.Results)
		}
		return true
	}
	for _, f := range files {
		for _, d := range f.Decls {
			ast.Inspect(d, visit)
		}
	}
}

// declName is the name under which dropUnreachable files a droppable
// declaration: a function's, a type's, a method's type's, a variable
// spec's first non-blank name ("" for none).
func declName(n ast.Node) string {
	switch n := n.(type) {
	case *ast.FuncDecl:
		if n.Recv != nil {
			if len(n.Recv.List) == 0 {
				return ""
			}
			return recvBase(n.Recv.List[0].Type) // a method goes with its type
		}
		return n.Name.Name
	case *ast.TypeSpec:
		return n.Name.Name
	case *ast.ValueSpec:
		for _, id := range n.Names {
			if id.Name != "_" {
				return id.Name
			}
		}
	}
	return ""
}

// recvBase is the name of a receiver's type, without pointer, parentheses
// or type parameters ("" if it is not a name).
func recvBase(x ast.Expr) string {
	switch t := x.(type) {
	case *ast.StarExpr:
		return recvBase(t.X)
	case *ast.ParenExpr:
		return recvBase(t.X)
	case *ast.IndexExpr:
		return recvBase(t.X)
	case *ast.IndexListExpr:
		return recvBase(t.X)
	case *ast.Ident:
		return t.Name
	}
	return ""
}

func exportsAny(names []*ast.Ident) bool {
	for _, n := range names {
		if n.IsExported() {
			return true
		}
	}
	return false
}

// blankFields renames the fields of a parameter or result list "_",
// keeping their number.
func blankFields(fl *ast.FieldList) {
	if fl == nil {
		return
	}
	for _, f := range fl.List {
		for i, n := range f.Names {
			if n.Name != "_" {
				f.Names[i] = &ast.Ident{NamePos: n.NamePos, Name: "_"}
			}
		}
	}
}

// lineTables keeps one line table per file for the run's FileSet: a
// file parsed twice (analysed, and for its types as an importer needs
// them) shares the table of the first parse, and every table is copied
// to its length (the scanner grows it by appending, up to twice what
// it holds). The tables are most of what the FileSet keeps for the
// whole run. (Nothing calls token.File.MergeLine on the run's files,
// which would edit a shared table in place.)
type lineTables struct {
	mu sync.Mutex
	m  map[string][]int // by file name
}

// compact gives the file of f its shared, compact line table.
func (t *lineTables) compact(fset *token.FileSet, f *ast.File) {
	tf := fset.File(f.FileStart)
	if tf == nil {
		return
	}
	lines := tf.Lines()
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.m == nil {
		t.m = make(map[string][]int)
	}
	shared, ok := t.m[tf.Name()]
	if !ok || !slices.Equal(shared, lines) {
		// the first parse, or the file changed between two
		shared = slices.Clone(lines)
		t.m[tf.Name()] = shared
	}
	tf.SetLines(shared)
}

// constTableMin is the size, in literals, from which dropConstTables
// empties a table.
const constTableMin = 64

// dropConstTables empties the tables of constants that initialise a
// package's variables: a composite literal (not a map's) whose elements
// are literals, or such composite literals, constTableMin or more in all
// (a generated parser's tables, a descriptor's bytes). Their values
// carry no error, status or upstream data, which is all the analyses
// look for, and no analysis reads the package initialiser's stores; but
// each literal costs syntax, type-checker records and SSA instructions:
// on seaweedfs, a generated SQL parser's tables were 75 MB of SSA. An
// array whose length the literal gave ([...]T) gets that length, so its
// type is unchanged.
func dropConstTables(files []*ast.File) {
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				for _, v := range vs.Values {
					lit, ok := v.(*ast.CompositeLit)
					if !ok {
						continue
					}
					if n, ok := constElems(lit); ok && n >= constTableMin {
						if at, ok := lit.Type.(*ast.ArrayType); ok {
							if _, ok := at.Len.(*ast.Ellipsis); ok {
								at.Len = &ast.BasicLit{ValuePos: at.Len.Pos(), Kind: token.INT, Value: strconv.Itoa(len(lit.Elts))}
							}
						}
						lit.Elts = nil
					}
				}
			}
		}
	}
}

// constElems counts the literals of a composite literal made only of
// literals (signed or not) and of such composite literals without a
// type of their own, with no keys: ok is false for any other.
func constElems(lit *ast.CompositeLit) (n int, ok bool) {
	if _, isMap := lit.Type.(*ast.MapType); isMap {
		return 0, false
	}
	for _, e := range lit.Elts {
		if u, isUnary := e.(*ast.UnaryExpr); isUnary && (u.Op == token.SUB || u.Op == token.ADD) {
			e = u.X
		}
		switch e := e.(type) {
		case *ast.BasicLit:
			n++
		case *ast.CompositeLit:
			if e.Type != nil {
				return 0, false
			}
			m, ok := constElems(e)
			if !ok {
				return 0, false
			}
			n += m
		default:
			return 0, false
		}
	}
	return n, true
}
