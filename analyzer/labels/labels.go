package labels

import (
	"go/token"
	"strconv"
	"strings"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
)

// A Label says that, at Path inside a value, there is something of Kind
// that came from an upstream call at Origin. Paths and Reads are
// slash-separated steps: a field name, "[]" for an element of a slice,
// array or map, "#i" for the i-th result of a call.
//
// A KindParam label is symbolic: the part of the value at Path equals
// parameter Param of function Owner after the steps in Reads. Resolving
// it at a call site applies Reads to the argument's labels.
type Label struct {
	Kind   knowledge.Kind
	Origin token.Pos // the upstream call (its '(' position); NoPos for symbolic labels
	Param  int
	Owner  any // the function whose parameter this is (*ssa.Function); nil for concrete labels
	Reads  string
	Path   string
	// Built is, on a concrete label, the full name of the function that
	// made our own gRPC status or Connect error from this text
	// (status.Error(code, err.Error())), the last to do so; "" otherwise.
	// A service method returning such a status from another function
	// returns what that function decided: the finding is where the
	// status is built (leak's builders).
	Built string
}

// BuiltBy marks the concrete labels of ls as made into a status by the
// function named fn (Label.Built).
func (ls Labels) BuiltBy(fn string) Labels {
	if fn == "" {
		return ls
	}
	out := make(Labels, 0, len(ls))
	for _, l := range ls {
		if l.Kind != knowledge.KindParam && l.Kind != knowledge.KindDynamic {
			l.Built = fn
		}
		out = out.Add(l)
	}
	return out
}

// Labels is a small set of labels.
type Labels []Label

func (ls Labels) Add(l Label) Labels {
	for _, x := range ls {
		if x == l {
			return ls
		}
	}
	return append(ls, l)
}

func (ls Labels) Union(o Labels) Labels {
	for _, l := range o {
		ls = ls.Add(l)
	}
	return ls
}

// Has reports whether ls holds a concrete label of kind k at the top
// level of the value (empty path).
func (ls Labels) Has(k knowledge.Kind) bool {
	for _, l := range ls {
		if l.Kind == k && l.Path == "" {
			return true
		}
	}
	return false
}

// First returns the first concrete label of kind k at the top level.
func (ls Labels) First(k knowledge.Kind) (Label, bool) {
	for _, l := range ls {
		if l.Kind == k && l.Path == "" {
			return l, true
		}
	}
	return Label{}, false
}

// Anywhere returns the labels of kind k at any path inside the value.
func (ls Labels) Anywhere(k knowledge.Kind) Labels {
	var out Labels
	for _, l := range ls {
		if l.Kind == k {
			out = out.Add(l)
		}
	}
	return out
}

func JoinPath(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "/" + b
}

// SplitFirst splits a path into its first step and the rest.
func SplitFirst(p string) (string, string) {
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i], p[i+1:]
	}
	return p, ""
}

// Prefixed returns ls with every label moved under path p.
func (ls Labels) Prefixed(p string) Labels {
	if p == "" || len(ls) == 0 {
		return ls
	}
	out := make(Labels, 0, len(ls))
	for _, l := range ls {
		l.Path = JoinPath(p, l.Path)
		out = out.Add(l)
	}
	return out
}

// maxPathSteps bounds the depth of paths and reads so that recursive
// data structures cannot grow labels without end.
const maxPathSteps = 6

func steps(p string) int {
	if p == "" {
		return 0
	}
	return strings.Count(p, "/") + 1
}

// Select returns the labels of the part of a value reached by step:
// labels stored under step lose that step; labels of the whole value
// are transformed by the step (reading StatusCode of a response gives a
// status; a symbolic label records the read).
func (ls Labels) Select(step string) Labels {
	var out Labels
	for _, l := range ls {
		if l.Path != "" {
			first, rest := SplitFirst(l.Path)
			if first == step || first == "*" {
				l.Path = rest
				out = out.Add(l)
			}
			continue
		}
		if l.Kind == knowledge.KindParam || l.Kind == knowledge.KindDynamic {
			if steps(l.Reads) >= maxPathSteps {
				continue
			}
			l.Reads = JoinPath(l.Reads, step)
			out = out.Add(l)
			continue
		}
		if k, ok := selectKind(l.Kind, step); ok {
			l.Kind = k
			out = out.Add(l)
		}
	}
	return out
}

// ReadPath applies Select for each step of p.
func (ls Labels) ReadPath(p string) Labels {
	for p != "" && len(ls) > 0 {
		var step string
		step, p = SplitFirst(p)
		ls = ls.Select(step)
	}
	return ls
}

// Clip drops labels whose paths or reads grew too deep.
func (ls Labels) Clip() Labels {
	out := ls[:0:0]
	for _, l := range ls {
		if steps(l.Path) <= maxPathSteps && steps(l.Reads) <= maxPathSteps {
			out = append(out, l)
		}
	}
	return out
}

// ResultStep is the path step of a call's i-th result.
func ResultStep(i int) string { return "#" + strconv.Itoa(i) }
