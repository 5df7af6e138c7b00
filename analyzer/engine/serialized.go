package engine

import (
	"go/types"

	"github.com/upstreamlint/upstreamlint/analyzer/labels"
	"github.com/upstreamlint/upstreamlint/analyzer/shapes"
)

// What an encoder writes of a value: a label kept in an unexported field
// (an embedded error), or in one tagged json:"-", never reaches the
// client through json.Marshal and the frameworks' JSON writers.

// sentField reports whether the part of a body event's value that l
// labels is written to the client: fmt's printers write every field, an
// encoder only the exported ones it is not told to skip.
func sentField(pkg *types.Package, ev SinkEvent, l labels.Label) bool {
	if l.Path == "" || ev.Value == nil || shapes.IsFmtCall(ev.Instr) {
		return true
	}
	return shapes.Serialized(pkg, ev.Value.Type(), ev.Value, l.Path)
}
