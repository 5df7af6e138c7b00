// The function summary as a fact, the form in which it crosses
// packages and reaches the join.

package wholeprog

import (
	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
	"github.com/upstreamlint/upstreamlint/analyzer/labels"
)

// FuncFact summarises a function for its callers in other packages.
type FuncFact struct {
	Results [][]labels.FactLabel
	Sinks   []knowledge.SinkParam
	Effects []FactEffect
	// OwnErrors: every error the function returns is provably ours (a
	// sentinel, a constant error, one about the client's input).
	OwnErrors bool
}

// FactEffect is an Effect in fact form.
type FactEffect struct {
	Param  int
	Path   string
	Labels []labels.FactLabel
}

func (*FuncFact) AFact() {}

// Summarises reports whether the fact carries a summary (a result, a
// sink or an effect), not only OwnErrors.
func (f *FuncFact) Summarises() bool {
	for _, r := range f.Results {
		if len(r) > 0 {
			return true
		}
	}
	return len(f.Sinks) > 0 || len(f.Effects) > 0
}

func (f *FuncFact) String() string { return "upstream summary" }

// PkgFact marks a package that exports function facts, so that its
// importers are analysed even when they import no trigger package.
type PkgFact struct{}

func (*PkgFact) AFact() {}

func (*PkgFact) String() string { return "has upstream summaries" }

func ContainsSink(ss []knowledge.SinkParam, sp knowledge.SinkParam) bool {
	for _, x := range ss {
		if x == sp {
			return true
		}
	}
	return false
}
