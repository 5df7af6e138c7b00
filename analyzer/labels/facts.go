// Labels as facts: the form a summary's labels take in a fact or a
// package summary, where positions are strings and owners are gone.

package labels

import "github.com/upstreamlint/upstreamlint/analyzer/knowledge"

// FactLabel is a Label without positions or owners, for facts.
// Param is -1 for a concrete label.
type FactLabel struct {
	Kind  knowledge.Kind
	Param int
	Reads string
	Path  string
	Dyn   string // the key of a KindDynamic label
	Built string `json:",omitempty"` // Label.Built
}

func ToFact(ls Labels, owner any) []FactLabel {
	var out []FactLabel
	for _, l := range ls {
		switch {
		case l.Kind == knowledge.KindParam && l.Owner == owner:
			out = append(out, FactLabel{Kind: knowledge.KindParam, Param: l.Param, Reads: l.Reads, Path: l.Path})
		case l.Kind == knowledge.KindParam:
			// a parameter of another function: meaningless to callers
		case l.Kind == knowledge.KindDynamic:
			if key, ok := l.Owner.(string); ok {
				out = append(out, FactLabel{Kind: knowledge.KindDynamic, Param: l.Param, Reads: l.Reads, Path: l.Path, Dyn: key})
			}
		default:
			out = append(out, FactLabel{Kind: l.Kind, Param: -1, Path: l.Path, Built: l.Built})
		}
	}
	return out
}

func FromFact(fs []FactLabel, owner any) Labels {
	var out Labels
	for _, f := range fs {
		l := Label{Kind: f.Kind, Reads: f.Reads, Path: f.Path, Built: f.Built}
		switch f.Kind {
		case knowledge.KindParam:
			l.Param, l.Owner = f.Param, owner
		case knowledge.KindDynamic:
			l.Param, l.Owner = f.Param, f.Dyn
		}
		out = out.Add(l)
	}
	return out
}
