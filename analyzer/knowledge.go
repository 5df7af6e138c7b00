package analyzer

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Framework and library knowledge, as data. Keys are full function
// names as printed by (*types.Func).FullName on the generic origin:
// "net/http.Get", "(*net/http.Client).Do",
// "(net/http.ResponseWriter).WriteHeader". Argument indices count the
// receiver of a method as argument 0.

// sourceResults lists calls whose results are upstream values, by result index.
var sourceResults = map[string][]Kind{
	"(*net/http.Client).Do":             {KindResponse, KindDepError},
	"(*net/http.Client).Get":            {KindResponse, KindDepError},
	"(*net/http.Client).Head":           {KindResponse, KindDepError},
	"(*net/http.Client).Post":           {KindResponse, KindDepError},
	"(*net/http.Client).PostForm":       {KindResponse, KindDepError},
	"net/http.Get":                      {KindResponse, KindDepError},
	"net/http.Head":                     {KindResponse, KindDepError},
	"net/http.Post":                     {KindResponse, KindDepError},
	"net/http.PostForm":                 {KindResponse, KindDepError},
	"(net/http.RoundTripper).RoundTrip": {KindResponse, KindDepError},
	"(*net/http.Transport).RoundTrip":   {KindResponse, KindDepError},
	"runtime/debug.Stack":               {KindStack},
	"net/http.NewRequest":               {KindRequest},
	"net/http.NewRequestWithContext":    {KindRequest},
}

// depErrorReceivers are the database/sql types whose methods do I/O:
// their error results are dependency errors.
var depErrorReceivers = map[string]bool{
	"database/sql.DB": true, "database/sql.Tx": true, "database/sql.Stmt": true,
	"database/sql.Conn": true, "database/sql.Row": true, "database/sql.Rows": true,
}

// selectKind says what reading step (a field, an element) of a whole
// upstream value of kind k gives.
func selectKind(k Kind, step string) (Kind, bool) {
	switch k {
	case KindResponse:
		switch step {
		case "StatusCode":
			return KindStatus, true
		case "Status":
			return KindStatusText, true
		case "Body":
			return KindBody, true
		case "Header", "Trailer":
			return KindHeader, true
		case "Request":
			return KindRequest, true
		}
	case KindRequest:
		switch step {
		case "URL", "Host":
			return KindURL, true
		}
	case KindURL:
		return KindURL, true
	case KindBody, KindHeader, KindErrText, KindStack, KindStatusText:
		// Any part of upstream content is upstream content.
		return k, true
	case KindDepError:
		// Fields of a dependency error (url.Error's URL and Err) carry
		// the same internal details, and so do elements of a []error.
		return KindDepError, true
	}
	return 0, false
}

// Operations used in flows, beyond field and element steps.
const (
	opText       = "text"       // stringify: err.Error(), fmt.Sprint
	opWrap       = "wrap"       // wrap into a new error keeping it (errors.Join, %w)
	opWrapText   = "wraptext"   // a new error from the text only (fmt.Errorf without %w)
	opGRPCCode   = "grpccode"   // status.Code(err), (*Status).Code()
	opGRPCStatus = "grpcstatus" // status.Convert(err), status.FromError(err), status.New(code, …)
	opGRPCErr    = "grpcerr"    // (*Status).Err(), status.Error(code, …)
	opOwnType    = "owntype"    // err.(ValidationError): a value of our own error type; only its fields carry what they hold
)

// applyOp transforms labels by a step or an operation.
func (ls Labels) applyOp(op string) Labels {
	switch op {
	case opText, opWrap, opWrapText, opGRPCCode, opGRPCStatus, opGRPCErr, opOwnType:
		var out Labels
		for _, l := range ls {
			if l.Kind == KindParam || l.Kind == KindDynamic {
				l.Reads = joinPath(l.Reads, op)
				out = out.add(l)
				continue
			}
			if op == opOwnType {
				if l.Path != "" {
					out = out.add(l)
				}
				continue
			}
			if k, ok := convertKind(l.Kind, op); ok {
				l.Kind = k
				out = out.add(l)
			}
		}
		return out
	}
	return ls.Select(op)
}

func convertKind(k Kind, op string) (Kind, bool) {
	switch op {
	case opGRPCCode:
		if k == KindGRPCError || k == KindGRPCStatus {
			return KindGRPCCode, true
		}
		return 0, false
	case opGRPCStatus:
		switch k {
		case KindGRPCError, KindGRPCCode:
			return KindGRPCStatus, true
		case KindDepError, KindErrText:
			return KindDepError, true // a status whose message is dependency text
		}
		return 0, false
	case opGRPCErr:
		switch k {
		case KindGRPCStatus, KindGRPCCode:
			return KindGRPCError, true
		case KindDepError, KindErrText:
			return KindDepError, true
		}
		return 0, false
	}
	switch k {
	case KindStatus, KindResponse, KindGRPCCode, KindRequest:
		return 0, false // a number or a handle, not text
	case KindGRPCError:
		switch op {
		case opText:
			return KindErrText, true
		case opWrap:
			return KindGRPCError, true
		}
		return KindDepError, true // the code is lost, the text stays
	case KindGRPCStatus:
		if op == opText {
			return KindErrText, true
		}
		return KindDepError, true
	case KindDepError:
		if op == opText {
			return KindErrText, true
		}
		return KindDepError, true
	case KindErrText, KindBody, KindStatusText, KindStack, KindHeader, KindURL:
		if op == opWrap || op == opWrapText {
			return KindDepError, true
		}
		return k, true
	}
	return 0, false
}

// applyOps applies a slash-separated sequence of steps and operations.
func (ls Labels) applyOps(ops string) Labels {
	for ops != "" && len(ls) > 0 {
		var op string
		op, ops = splitFirst(ops)
		ls = ls.applyOp(op)
	}
	return ls
}

// A flow moves labels through a library call: from an argument (or,
// with From == variadicArgs, every element of the variadic slice) to a
// result, or into the memory an argument points to (ToArg >= 0).
type flow struct {
	From  int
	To    int // result index, when ToArg < 0
	ToArg int // argument whose pointee receives the labels; -1 if none
	Ops   string
}

const variadicArgs = -1

// A fill is a call that writes a source of Kind into the pointee of its
// argument Arg (receiver first), at Path.
type fill struct {
	Arg  int
	Kind Kind
	Path string
}

// upstreamResponse fills argument arg with an upstream response.
func upstreamResponse(arg int) fill { return fill{Arg: arg, Kind: KindResponse} }

// fills are the calls that write a source into an argument.
var fills = map[string]fill{
	"runtime.Stack": {Arg: 0, Kind: KindStack, Path: "[]"},
}

func res(from, to int, ops string) flow { return flow{From: from, To: to, ToArg: -1, Ops: ops} }
func into(from, toArg int) flow         { return flow{From: from, ToArg: toArg} }

var flows = map[string][]flow{
	"io.ReadAll":            {res(0, 0, "")},
	"io/ioutil.ReadAll":     {res(0, 0, "")},
	"io.LimitReader":        {res(0, 0, "")},
	"io.TeeReader":          {res(0, 0, "")},
	"io.NopCloser":          {res(0, 0, "")},
	"io/ioutil.NopCloser":   {res(0, 0, "")},
	"bufio.NewReader":       {res(0, 0, "")},
	"bufio.NewScanner":      {res(0, 0, "")},
	"bytes.NewReader":       {res(0, 0, "")},
	"bytes.NewBuffer":       {res(0, 0, "")},
	"bytes.NewBufferString": {res(0, 0, "")},
	"strings.NewReader":     {res(0, 0, "")},
	"strings.TrimSpace":     {res(0, 0, "")},
	// Escaping, quoting, replacing or trimming text keeps what it says.
	"strings.ReplaceAll":             {res(0, 0, "")},
	"strings.Replace":                {res(0, 0, "")},
	"strings.ToLower":                {res(0, 0, "")},
	"strings.ToUpper":                {res(0, 0, "")},
	"strings.Trim":                   {res(0, 0, "")},
	"strings.TrimPrefix":             {res(0, 0, "")},
	"strings.TrimSuffix":             {res(0, 0, "")},
	"strings.Join":                   {res(0, 0, "[]")},
	"strconv.Quote":                  {res(0, 0, "")},
	"html.EscapeString":              {res(0, 0, "")},
	"html/template.HTMLEscapeString": {res(0, 0, "")},
	"html/template.JSEscapeString":   {res(0, 0, "")},
	"net/url.QueryEscape":            {res(0, 0, "")},
	"bytes.TrimSpace":                {res(0, 0, "")},
	"(*bytes.Buffer).Bytes":          {res(0, 0, "")},
	"(*bytes.Buffer).String":         {res(0, 0, "")},
	"(*bytes.Buffer).ReadFrom":       {into(1, 0)},
	"(*bytes.Buffer).Write":          {into(1, 0)},
	"(*bytes.Buffer).WriteString":    {into(1, 0)},
	// Indent, Compact and HTMLEscape copy src into the dst buffer.
	"encoding/json.Indent":              {into(1, 0)},
	"encoding/json.Compact":             {into(1, 0)},
	"encoding/json.HTMLEscape":          {into(1, 0)},
	"(io.Reader).Read":                  {into(0, 1)},
	"io.ReadFull":                       {into(0, 1)},
	"(*bufio.Scanner).Text":             {res(0, 0, "")},
	"(*bufio.Scanner).Bytes":            {res(0, 0, "")},
	"encoding/json.NewDecoder":          {res(0, 0, "")},
	"(*encoding/json.Decoder).Decode":   {into(0, 1)},
	"encoding/json.Unmarshal":           {into(0, 1)},
	"encoding/json.Marshal":             {res(0, 0, "")},
	"encoding/json.MarshalIndent":       {res(0, 0, "")},
	"(error).Error":                     {res(0, 0, opText)},
	"(*net/url.URL).String":             {res(0, 0, "")},
	"(*net/url.URL).Redacted":           {res(0, 0, "")},
	"(*net/url.URL).Hostname":           {res(0, 0, "")},
	"fmt.Sprint":                        {res(variadicArgs, 0, "[]/"+opText)},
	"fmt.Sprintln":                      {res(variadicArgs, 0, "[]/"+opText)},
	"fmt.Sprintf":                       {res(0, 0, opText), res(variadicArgs, 0, "[]/"+opText)},
	"fmt.Errorf":                        {}, // see errorfLabels: %w keeps the error, other verbs keep its text
	"errors.Join":                       {res(variadicArgs, 0, "[]/"+opWrap)},
	"errors.Unwrap":                     {res(0, 0, "")},
	"github.com/pkg/errors.Wrap":        {res(0, 0, "")},
	"github.com/pkg/errors.Wrapf":       {res(0, 0, "")},
	"github.com/pkg/errors.WithMessage": {res(0, 0, "")},
	"github.com/pkg/errors.WithStack":   {res(0, 0, "")},
	"runtime.Stack":                     {}, // a source into its buffer (fills)

}

// Role is what a sink does with an argument.
type Role uint8

const (
	// RoleStatus: the argument becomes the status of our response.
	RoleStatus Role = iota + 1
	// RoleBody: the argument is written into our response body.
	RoleBody
)

// A sinkRow describes where a call answers the client.
type sinkRow struct {
	Status   int   // argument index of the status code; -1 = none
	Body     []int // argument indices whose content is written to the client
	Variadic bool  // the last Body index is a variadic slice
	Writer   int   // argument that must be a client writer for the row to apply; -1 = no condition
	// Fixed is a constant status the call sends (go-zero's OkJson sends
	// 200), else 0.
	Fixed int
}

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
	obj, _ := callee(call.Common())
	if obj == nil {
		return false
	}
	_, ok = sinks[fullName(obj)]
	return ok
}

// StatusSetterArg returns, for a call that only sets the status of the
// response (fiber's (*Ctx).Status, net/http's WriteHeader), the index of
// its status among the call's syntactic arguments (the receiver of a
// method not counted), or -1. A fix of a chained write,
// c.Status(code).JSON(…), reads the status sent there.
func StatusSetterArg(fn *types.Func) int {
	row, ok := sinks[fullName(fn)]
	if !ok || row.Status < 0 || len(row.Body) > 0 {
		return -1
	}
	if fn.Type().(*types.Signature).Recv() != nil {
		return row.Status - 1
	}
	return row.Status
}

// Row builders keep the table readable: status(i) sets the status
// argument, body(i…) the payload arguments, to(w) the writer condition.
func status(i int) sinkRow  { return sinkRow{Status: i, Writer: -1} }
func body(i ...int) sinkRow { return sinkRow{Status: -1, Body: i, Writer: -1} }

// fixed(code) is a call that sends the constant status code; nothing()
// a call that writes nothing the checks follow (its summary is not
// used either).
func fixed(code int) sinkRow { return sinkRow{Status: -1, Writer: -1, Fixed: code} }
func nothing() sinkRow       { return sinkRow{Status: -1, Writer: -1} }
func (r sinkRow) body(i ...int) sinkRow {
	r.Body = i
	return r
}
func (r sinkRow) variadic() sinkRow {
	r.Variadic = true
	return r
}
func (r sinkRow) to(w int) sinkRow {
	r.Writer = w
	return r
}

var sinks = map[string]sinkRow{
	// net/http (and so chi, gorilla/mux handlers); the frameworks' rows
	// are in their own files (kb_*.go)
	"(net/http.ResponseWriter).WriteHeader":     status(1),
	"(net/http.ResponseWriter).Write":           body(1),
	"net/http.Error":                            status(2).body(1),
	"net/http.Redirect":                         status(3),
	"io.Copy":                                   body(1).to(0),
	"io.CopyBuffer":                             body(1).to(0),
	"io.CopyN":                                  body(1).to(0),
	"io.WriteString":                            body(1).to(0),
	"fmt.Fprint":                                body(1).variadic().to(0),
	"fmt.Fprintln":                              body(1).variadic().to(0),
	"fmt.Fprintf":                               body(1, 2).variadic().to(0),
	"(*encoding/json.Encoder).Encode":           body(1).to(0),
	"(*encoding/xml.Encoder).Encode":            body(1).to(0),
	"(*html/template.Template).Execute":         body(2).to(1),
	"(*text/template.Template).Execute":         body(2).to(1),
	"(*html/template.Template).ExecuteTemplate": body(3).to(1),
	"(*text/template.Template).ExecuteTemplate": body(3).to(1),
	"(*bufio.Writer).Write":                     body(1).to(0),
	"(*bufio.Writer).WriteString":               body(1).to(0),
	"(*bytes.Buffer).WriteTo":                   body(0).to(1),
	"(*bytes.Reader).WriteTo":                   body(0).to(1),
	"(*strings.Reader).WriteTo":                 body(0).to(1),
}

// writerWrappers are constructors whose result writes into their first
// argument: a client writer wrapped by them is still a client writer.
var writerWrappers = map[string]bool{
	"encoding/json.NewEncoder":     true,
	"encoding/xml.NewEncoder":      true,
	"bufio.NewWriter":              true,
	"bufio.NewWriterSize":          true,
	"compress/gzip.NewWriter":      true,
	"compress/gzip.NewWriterLevel": true,
}

// clientWriterTypes are framework types whose values are io.Writers into
// the response body (io.Copy(c, resp.Body) in a fiber handler), keyed
// by package path and type name; they are used through pointers.
var clientWriterTypes = map[[2]string]bool{}

// clientBodyWriters return a writer into the response body when their
// receiver is the response of the request being served (see
// Engine.IsClientWriter): c.Response().BodyWriter() in fiber.
var clientBodyWriters = map[string]bool{}

// triggerImports are packages whose import makes a package worth
// analysing: they provide sources or sinks. A package importing none of
// them, and no package with upstreamlint facts, is skipped before any
// SSA is built.
var triggerImports = map[string]bool{
	"net/http":      true,
	"database/sql":  true,
	"runtime/debug": true,
}
