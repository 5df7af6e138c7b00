package analyzer

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
		// the same internal details.
		if step != "[]" {
			return KindDepError, true
		}
	}
	return 0, false
}

// Operations used in flows, beyond field and element steps.
const (
	opText = "text" // stringify: err.Error(), fmt.Sprint
	opWrap = "wrap" // wrap into a new error: fmt.Errorf, errors.Join
)

// applyOp transforms labels by a step or an operation.
func (ls Labels) applyOp(op string) Labels {
	switch op {
	case opText, opWrap:
		var out Labels
		for _, l := range ls {
			if l.Kind == KindParam {
				l.Reads = joinPath(l.Reads, op)
				out = out.add(l)
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
	switch k {
	case KindStatus, KindResponse:
		return 0, false // a number or a handle, not text
	case KindDepError:
		if op == opText {
			return KindErrText, true
		}
		return KindDepError, true
	case KindErrText, KindBody, KindStatusText, KindStack, KindHeader, KindURL:
		if op == opWrap {
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

func res(from, to int, ops string) flow { return flow{From: from, To: to, ToArg: -1, Ops: ops} }
func into(from, toArg int) flow         { return flow{From: from, ToArg: toArg} }

var flows = map[string][]flow{
	"io.ReadAll":                        {res(0, 0, "")},
	"io/ioutil.ReadAll":                 {res(0, 0, "")},
	"io.LimitReader":                    {res(0, 0, "")},
	"io.TeeReader":                      {res(0, 0, "")},
	"io.NopCloser":                      {res(0, 0, "")},
	"io/ioutil.NopCloser":               {res(0, 0, "")},
	"bufio.NewReader":                   {res(0, 0, "")},
	"bufio.NewScanner":                  {res(0, 0, "")},
	"bytes.NewReader":                   {res(0, 0, "")},
	"bytes.NewBuffer":                   {res(0, 0, "")},
	"bytes.NewBufferString":             {res(0, 0, "")},
	"strings.NewReader":                 {res(0, 0, "")},
	"strings.TrimSpace":                 {res(0, 0, "")},
	"bytes.TrimSpace":                   {res(0, 0, "")},
	"(*bytes.Buffer).Bytes":             {res(0, 0, "")},
	"(*bytes.Buffer).String":            {res(0, 0, "")},
	"(*bytes.Buffer).ReadFrom":          {into(1, 0)},
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
	"fmt.Sprintf":                       {res(variadicArgs, 0, "[]/"+opText)},
	"fmt.Errorf":                        {res(variadicArgs, 0, "[]/"+opWrap)},
	"errors.Join":                       {res(variadicArgs, 0, "[]/"+opWrap)},
	"errors.Unwrap":                     {res(0, 0, "")},
	"github.com/pkg/errors.Wrap":        {res(0, 0, "")},
	"github.com/pkg/errors.Wrapf":       {res(0, 0, "")},
	"github.com/pkg/errors.WithMessage": {res(0, 0, "")},
	"github.com/pkg/errors.WithStack":   {res(0, 0, "")},
	"runtime.Stack":                     {}, // handled as a source into its buffer, see stackInto
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
	Status   int   // argument index of the status code; 0 = none (receivers are never statuses)
	Body     []int // argument indices whose content is written to the client
	Variadic bool  // the last Body index is a variadic slice
	Writer   int   // argument that must be a client writer for the row to apply; -1 = no condition
}

var sinks = map[string]sinkRow{
	"(net/http.ResponseWriter).WriteHeader": {Status: 1, Writer: -1},
	"(net/http.ResponseWriter).Write":       {Body: []int{1}, Writer: -1},
	"net/http.Error":                        {Status: 2, Body: []int{1}, Writer: -1},
	"net/http.Redirect":                     {Status: 3, Writer: -1},
	"io.Copy":                               {Body: []int{1}, Writer: 0},
	"io.CopyBuffer":                         {Body: []int{1}, Writer: 0},
	"io.CopyN":                              {Body: []int{1}, Writer: 0},
	"io.WriteString":                        {Body: []int{1}, Writer: 0},
	"fmt.Fprint":                            {Body: []int{1}, Variadic: true, Writer: 0},
	"fmt.Fprintln":                          {Body: []int{1}, Variadic: true, Writer: 0},
	"fmt.Fprintf":                           {Body: []int{1, 2}, Variadic: true, Writer: 0},
	"(*encoding/json.Encoder).Encode":       {Body: []int{1}, Writer: 0},
	"(*html/template.Template).Execute":     {Body: []int{2}, Writer: 1},
	"(*text/template.Template).Execute":     {Body: []int{2}, Writer: 1},
	"(*bufio.Writer).Write":                 {Body: []int{1}, Writer: 0},
	"(*bufio.Writer).WriteString":           {Body: []int{1}, Writer: 0},
	"(*bytes.Buffer).WriteTo":               {Body: []int{0}, Writer: 1},
	"(*bytes.Reader).WriteTo":               {Body: []int{0}, Writer: 1},
	"(*strings.Reader).WriteTo":             {Body: []int{0}, Writer: 1},
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

// triggerImports are packages whose import makes a package worth
// analysing: they provide sources or sinks. A package importing none of
// them, and no package with upstreamlint facts, is skipped before any
// SSA is built.
var triggerImports = map[string]bool{
	"net/http":                      true,
	"database/sql":                  true,
	"runtime/debug":                 true,
	"github.com/gin-gonic/gin":      true,
	"github.com/labstack/echo/v4":   true,
	"github.com/gofiber/fiber/v2":   true,
	"github.com/go-chi/render":      true,
	"google.golang.org/grpc":        true,
	"google.golang.org/grpc/status": true,
}
