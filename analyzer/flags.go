package analyzer

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"strconv"
	"strings"

	"golang.org/x/mod/module"
	"golang.org/x/tools/go/ssa"
)

// FuncPatterns is a flag value holding an allowlist of functions and
// packages whose findings are not reported (deliberate forwarders).
// Patterns are comma-separated; the flag may be repeated. A pattern is
//
//	example.com/gw/proxy          a package
//	example.com/gw/...            a package and those below it
//	example.com/gw.Forward        a function ("(*example.com/gw.Proxy).ServeHTTP" for a method)
//	example.com/gw.*              '*' matches any run of characters
type FuncPatterns struct {
	list []string
}

func (p *FuncPatterns) String() string {
	if p == nil {
		return ""
	}
	return strings.Join(p.list, ",")
}

// Set adds the comma-separated patterns in s.
func (p *FuncPatterns) Set(s string) error {
	for _, pat := range strings.Split(s, ",") {
		pat = strings.TrimSpace(pat)
		if pat == "" {
			continue
		}
		if strings.ContainsAny(pat, " \t\n") {
			return fmt.Errorf("malformed pattern %q: patterns contain no spaces", pat)
		}
		if strings.Contains(pat, "...") && !strings.HasSuffix(pat, "/...") {
			return fmt.Errorf("malformed pattern %q: '...' is only allowed as a final /... (example.com/pkg/...)", pat)
		}
		p.list = append(p.list, pat)
	}
	return nil
}

// Patterns returns the patterns.
func (p *FuncPatterns) Patterns() []string {
	if p == nil {
		return nil
	}
	return p.list
}

// Match reports whether fn (a named function) or its package is allowlisted.
func (p *FuncPatterns) Match(fn *ssa.Function) bool {
	if p == nil || len(p.list) == 0 || fn == nil {
		return false
	}
	var pkgPath string
	if fn.Pkg != nil {
		pkgPath = fn.Pkg.Pkg.Path()
	}
	name := fn.String()
	if obj, ok := fn.Object().(interface{ FullName() string }); ok {
		name = obj.FullName()
	}
	for _, pat := range p.list {
		switch {
		case strings.HasSuffix(pat, "/..."):
			prefix := strings.TrimSuffix(pat, "/...")
			if pkgPath == prefix || strings.HasPrefix(pkgPath, prefix+"/") {
				return true
			}
		case pat == pkgPath, glob(pat, name):
			return true
		}
	}
	return false
}

// glob matches s against pattern, where '*' matches any run of characters.
func glob(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for _, part := range parts[1 : len(parts)-1] {
		i := strings.Index(s, part)
		if i < 0 {
			return false
		}
		s = s[i+len(part):]
	}
	return strings.HasSuffix(s, parts[len(parts)-1])
}

// QualifiedFunc is a flag value naming a function by import path and
// name, "example.com/svc/httperr.FromUpstream".
type QualifiedFunc struct {
	Path string
	Name string
}

func (q *QualifiedFunc) String() string {
	if q == nil || q.Name == "" {
		return ""
	}
	return q.Path + "." + q.Name
}

// Set parses "import/path.Func".
func (q *QualifiedFunc) Set(s string) error {
	if s == "" {
		*q = QualifiedFunc{}
		return nil
	}
	slash := strings.LastIndexByte(s, '/')
	dot := strings.LastIndexByte(s, '.')
	if dot <= slash || dot == len(s)-1 || dot == 0 {
		return fmt.Errorf("malformed function name %q: want import/path.Func, e.g. example.com/svc/httperr.FromUpstream", s)
	}
	path, name := s[:dot], s[dot+1:]
	if !token.IsIdentifier(name) || !token.IsExported(name) {
		return fmt.Errorf("malformed function name %q: %q is not an exported Go identifier", s, name)
	}
	if strings.ContainsAny(path, " \t\"\\") || strings.HasPrefix(path, "/") || strings.HasSuffix(path, "/") || strings.Contains(path, "//") || module.CheckImportPath(path) != nil {
		// a relative path (./httperr) too: the fix writes the import
		return fmt.Errorf("malformed function name %q: %q is not an import path", s, path)
	}
	*q = QualifiedFunc{Path: path, Name: name}
	return nil
}

// IsSet reports whether a function was configured.
func (q *QualifiedFunc) IsSet() bool { return q != nil && q.Name != "" }

// BoolVar defines a boolean flag on fs, as fs.BoolVar does, whose error
// on a malformed value says what is wanted, in the words of every other
// boolean of the command ("want true or false"; the flag package's own
// says "parse error").
func BoolVar(fs *flag.FlagSet, p *bool, name string, value bool, usage string) {
	*p = value
	fs.Var((*boolValue)(p), name, usage)
}

type boolValue bool

func (b *boolValue) String() string {
	if b == nil {
		return "false"
	}
	return strconv.FormatBool(bool(*b))
}

func (b *boolValue) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return errors.New("want true or false")
	}
	*b = boolValue(v)
	return nil
}

func (b *boolValue) Get() any { return bool(*b) }

// IsBoolFlag lets the flag be given without a value (-name means true).
func (b *boolValue) IsBoolFlag() bool { return true }

// PositiveInt is a flag value holding an integer greater than zero.
type PositiveInt int

func (n *PositiveInt) String() string {
	if n == nil {
		return "0"
	}
	return strconv.Itoa(int(*n))
}

// Set parses a decimal integer greater than zero.
func (n *PositiveInt) Set(s string) error {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || v <= 0 {
		return fmt.Errorf("malformed count %q: want a whole number greater than zero", s)
	}
	*n = PositiveInt(v)
	return nil
}
