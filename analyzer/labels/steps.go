package labels

import (
	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
)

// What the engine does with the rows of the knowledge tables: the kind
// a step into an upstream value gives, what an operation makes of it,
// and the sink calls the tables know.

// selectKind says what reading step (a field, an element) of a whole
// upstream value of kind k gives.
func selectKind(k knowledge.Kind, step string) (knowledge.Kind, bool) {
	switch k {
	case knowledge.KindResponse:
		switch step {
		case "StatusCode":
			return knowledge.KindStatus, true
		case "Status":
			return knowledge.KindStatusText, true
		case "Body":
			return knowledge.KindBody, true
		case "Header", "Trailer":
			return knowledge.KindHeader, true
		case "Request":
			return knowledge.KindRequest, true
		case "Response", "RawResponse":
			// the net/http response a library's response embeds (req) or
			// keeps (resty)
			return knowledge.KindResponse, true
		}
	case knowledge.KindRequest:
		switch step {
		case "URL", "Host":
			return knowledge.KindURL, true
		}
	case knowledge.KindURL:
		return knowledge.KindURL, true
	case knowledge.KindBody, knowledge.KindHeader, knowledge.KindErrText, knowledge.KindStack, knowledge.KindStatusText:
		// Any part of upstream content is upstream content.
		return k, true
	case knowledge.KindDepError:
		// Fields of a dependency error (url.Error's URL and Err) carry
		// the same internal details, and so do elements of a []error.
		return knowledge.KindDepError, true
	}
	return 0, false
}

// ApplyOp transforms labels by a step or an operation.
func (ls Labels) ApplyOp(op string) Labels {
	switch op {
	case knowledge.OpText, knowledge.OpWrap, knowledge.OpWrapText, knowledge.OpGRPCCode, knowledge.OpGRPCStatus, knowledge.OpGRPCErr, knowledge.OpOwnType:
		var out Labels
		for _, l := range ls {
			if l.Kind == knowledge.KindParam || l.Kind == knowledge.KindDynamic {
				l.Reads = JoinPath(l.Reads, op)
				out = out.Add(l)
				continue
			}
			if op == knowledge.OpOwnType {
				if l.Path != "" {
					out = out.Add(l)
				}
				continue
			}
			if k, ok := convertKind(l.Kind, op); ok {
				l.Kind = k
				out = out.Add(l)
			}
		}
		return out
	}
	return ls.Select(op)
}

func convertKind(k knowledge.Kind, op string) (knowledge.Kind, bool) {
	switch op {
	case knowledge.OpGRPCCode:
		if k == knowledge.KindGRPCError || k == knowledge.KindGRPCStatus {
			return knowledge.KindGRPCCode, true
		}
		return 0, false
	case knowledge.OpGRPCStatus:
		switch k {
		case knowledge.KindGRPCError, knowledge.KindGRPCCode:
			return knowledge.KindGRPCStatus, true
		case knowledge.KindDepError, knowledge.KindErrText:
			return knowledge.KindDepError, true // a status whose message is dependency text
		}
		return 0, false
	case knowledge.OpGRPCErr:
		switch k {
		case knowledge.KindGRPCStatus, knowledge.KindGRPCCode:
			return knowledge.KindGRPCError, true
		case knowledge.KindDepError, knowledge.KindErrText:
			return knowledge.KindDepError, true
		}
		return 0, false
	}
	switch k {
	case knowledge.KindStatus, knowledge.KindResponse, knowledge.KindGRPCCode, knowledge.KindRequest:
		return 0, false // a number or a handle, not text
	case knowledge.KindGRPCError:
		switch op {
		case knowledge.OpText:
			return knowledge.KindErrText, true
		case knowledge.OpWrap:
			return knowledge.KindGRPCError, true
		}
		return knowledge.KindDepError, true // the code is lost, the text stays
	case knowledge.KindGRPCStatus:
		if op == knowledge.OpText {
			return knowledge.KindErrText, true
		}
		return knowledge.KindDepError, true
	case knowledge.KindDepError:
		if op == knowledge.OpText {
			return knowledge.KindErrText, true
		}
		return knowledge.KindDepError, true
	case knowledge.KindErrText, knowledge.KindBody, knowledge.KindStatusText, knowledge.KindStack, knowledge.KindHeader, knowledge.KindURL:
		if op == knowledge.OpWrap || op == knowledge.OpWrapText {
			return knowledge.KindDepError, true
		}
		return k, true
	}
	return 0, false
}

// ApplyOps applies a slash-separated sequence of steps and operations.
func (ls Labels) ApplyOps(ops string) Labels {
	for ops != "" && len(ls) > 0 {
		var op string
		op, ops = SplitFirst(ops)
		ls = ls.ApplyOp(op)
	}
	return ls
}
