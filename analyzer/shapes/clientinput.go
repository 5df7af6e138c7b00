package shapes

import (
	"go/types"
	"strings"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
)

// ClientInputRow returns the row of a callee whose error is about the
// client's input.
func ClientInputRow(obj *types.Func) (knowledge.InputRow, bool) {
	if row, ok := knowledge.ClientInputFuncs[knowledge.FullName(obj)]; ok {
		return row, true
	}
	if obj.Pkg() != nil && knowledge.ClientInputPackages.Match(obj.Pkg().Path()) {
		return knowledge.AnyInput, true
	}
	sig, _ := obj.Type().(*types.Signature)
	if sig == nil {
		return knowledge.InputRow{}, false
	}
	if recv := sig.Recv(); recv != nil {
		for _, p := range knowledge.ClientInputMethodPrefixes[knowledge.NamedPath(recv.Type())] {
			if strings.HasPrefix(obj.Name(), p) {
				return knowledge.AnyInput, true
			}
		}
		// The generated validators of protoc-gen-validate and its kin
		// (m.Validate() error), and ozzo's Validatable.
		if (obj.Name() == "Validate" || obj.Name() == "ValidateAll") && sig.Params().Len() == 0 && sig.Results().Len() == 1 && knowledge.IsErrorType(sig.Results().At(0).Type()) {
			return knowledge.AnyInput, true
		}
	}
	return knowledge.InputRow{}, false
}
