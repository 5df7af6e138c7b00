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
	// Setters says what the function does to the object it returns, for
	// fieldConst in the packages that call it: a constructor of a module
	// error that sets its Code to 500 (errs.InternalServerError(msg)), a
	// chained setter. Nil when it sets nothing.
	Setters *SetterFact
	// ServerText: on some path the function returns a status with a
	// server code carrying the text of one of its error parameters (a
	// status helper, analyzer/engine/statushelpers.go). Nil otherwise.
	ServerText *ServerText `json:",omitempty"`
	// Written, on the Error method of an error response type of a
	// generated server (ogen's *ErrorStatusCode), are the sinks of the
	// generated function that writes a value of that type to the client
	// (knowledge.ErrorEncoders), of that value. That function is
	// unexported, so importers do not see it; the type's Error method is
	// how they find what a handler's returned value of the type sends.
	Written []knowledge.SinkParam `json:",omitempty"`
}

// A SetterFact is an engine setter summary in fact form.
type SetterFact struct {
	Returns int // the parameter every return gives back, or -1
	Sets    []FieldSet
}

// A FieldSet is a field of the returned object set to a parameter
// (Param >= 0) or to a constant status (Konst); Conflict marks a field
// set to different values.
type FieldSet struct {
	Field    string
	Param    int
	Konst    int
	Conflict bool
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
	return len(f.Sinks) > 0 || len(f.Effects) > 0 || f.Setters != nil || f.ServerText != nil
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
