package shapes

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
)

// IsSinkCall reports whether v is the result of a call the sink tables
// know (kratos' errors.InternalServer(reason, message)): what it sends is
// reported at the call.
func IsSinkCall(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	obj, _ := Callee(call.Common())
	if obj == nil {
		return false
	}
	_, ok = knowledge.Sinks[knowledge.FullName(obj)]
	return ok
}

// StatusSetterArg returns, for a call that only sets the status of the
// response (fiber's (*Ctx).Status, net/http's WriteHeader), the index of
// its status among the call's syntactic arguments (the receiver of a
// method not counted), or -1. A fix of a chained write,
// c.Status(code).JSON(…), reads the status sent there.
func StatusSetterArg(fn *types.Func) int {
	row, ok := knowledge.Sinks[knowledge.FullName(fn)]
	if !ok || row.Status < 0 || len(row.Body) > 0 {
		return -1
	}
	if fn.Type().(*types.Signature).Recv() != nil {
		return row.Status - 1
	}
	return row.Status
}

// FieldStep reports whether reads is one field step (statusCode), not a
// path or an operation.
func FieldStep(reads string) bool {
	return reads != "" && !strings.Contains(reads, "/") && !strings.HasPrefix(reads, "#") && reads != "[]" && !isOp(reads)
}

func isOp(step string) bool {
	switch step {
	case knowledge.OpText, knowledge.OpWrap, knowledge.OpWrapText, knowledge.OpGRPCCode, knowledge.OpGRPCStatus, knowledge.OpGRPCErr:
		return true
	}
	return false
}

// MaxSetterChain bounds how many chained calls fieldConst follows.
const MaxSetterChain = 16
