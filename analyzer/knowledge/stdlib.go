package knowledge

// SourceResults lists calls whose results are upstream values, by result index.
var SourceResults = map[string][]Kind{
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

// DepErrorReceivers are the database/sql types whose methods do I/O:
// their error results are dependency errors.
var DepErrorReceivers = map[string]bool{
	"database/sql.DB": true, "database/sql.Tx": true, "database/sql.Stmt": true,
	"database/sql.Conn": true, "database/sql.Row": true, "database/sql.Rows": true,
}

// Operations used in flows, beyond field and element steps.
const (
	OpText       = "text"       // stringify: err.Error(), fmt.Sprint
	OpWrap       = "wrap"       // wrap into a new error keeping it (errors.Join, %w)
	OpWrapText   = "wraptext"   // a new error from the text only (fmt.Errorf without %w)
	OpGRPCCode   = "grpccode"   // status.Code(err), (*Status).Code()
	OpGRPCStatus = "grpcstatus" // status.Convert(err), status.FromError(err), status.New(code, …)
	OpGRPCErr    = "grpcerr"    // (*Status).Err(), status.Error(code, …)
	OpOwnType    = "owntype"    // err.(ValidationError): a value of our own error type; only its fields carry what they hold
)

// A Flow moves labels through a library call: from an argument (or,
// with From == variadicArgs, every element of the variadic slice) to a
// result, or into the memory an argument points to (ToArg >= 0).
type Flow struct {
	From  int
	To    int // result index, when ToArg < 0
	ToArg int // argument whose pointee receives the labels; -1 if none
	Ops   string
}

const VariadicArgs = -1

// A Fill is a call that writes a source of Kind into the pointee of its
// argument Arg (receiver first), at Path.
type Fill struct {
	Arg  int
	Kind Kind
	Path string
}

// upstreamResponse fills argument arg with an upstream response.
func upstreamResponse(arg int) Fill { return Fill{Arg: arg, Kind: KindResponse} }

// Fills are the calls that write a source into an argument.
var Fills = map[string]Fill{
	"runtime.Stack": {Arg: 0, Kind: KindStack, Path: "[]"},
}

func res(from, to int, ops string) Flow { return Flow{From: from, To: to, ToArg: -1, Ops: ops} }

func into(from, toArg int) Flow { return Flow{From: from, ToArg: toArg} }

var Flows = map[string][]Flow{
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
	"encoding/json.Indent":     {into(1, 0)},
	"encoding/json.Compact":    {into(1, 0)},
	"encoding/json.HTMLEscape": {into(1, 0)},
	// An encoder writes what it encodes into the writer it wraps
	// (engine.loc resolves json.NewEncoder(&buf) to buf).
	"(*encoding/json.Encoder).Encode":   {into(1, 0)},
	"(*encoding/xml.Encoder).Encode":    {into(1, 0)},
	"(io.Reader).Read":                  {into(0, 1)},
	"io.ReadFull":                       {into(0, 1)},
	"(*bufio.Scanner).Text":             {res(0, 0, "")},
	"(*bufio.Scanner).Bytes":            {res(0, 0, "")},
	"encoding/json.NewDecoder":          {res(0, 0, "")},
	"(*encoding/json.Decoder).Decode":   {into(0, 1)},
	"encoding/json.Unmarshal":           {into(0, 1)},
	"encoding/json.Marshal":             {res(0, 0, "")},
	"encoding/json.MarshalIndent":       {res(0, 0, "")},
	"(error).Error":                     {res(0, 0, OpText)},
	"(*net/url.URL).String":             {res(0, 0, "")},
	"(*net/url.URL).Redacted":           {res(0, 0, "")},
	"(*net/url.URL).Hostname":           {res(0, 0, "")},
	"fmt.Sprint":                        {res(VariadicArgs, 0, "[]/"+OpText)},
	"fmt.Sprintln":                      {res(VariadicArgs, 0, "[]/"+OpText)},
	"fmt.Sprintf":                       {res(0, 0, OpText), res(VariadicArgs, 0, "[]/"+OpText)},
	"fmt.Errorf":                        {}, // see errorfLabels: %w keeps the error, other verbs keep its text
	"errors.Join":                       {res(VariadicArgs, 0, "[]/"+OpWrap)},
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

// A SinkRow describes where a call answers the client.
type SinkRow struct {
	Status   int   // argument index of the status code; -1 = none
	Body     []int // argument indices whose content is written to the client
	Variadic bool  // the last Body index is a variadic slice
	Writer   int   // argument that must be a client writer for the row to apply; -1 = no condition
	// Fixed is a constant status the call sends (go-zero's OkJson sends
	// 200), else 0.
	Fixed int
}

// A ServedMap is a call that answers the client with what the handler
// stored under Key in the map field Field of the call's receiver
// (beego's c.Data["json"] = v; c.ServeJSON()).
type ServedMap struct {
	Field, Key string
}

// ServedMaps are the ServedMap calls, by full name.
var ServedMaps = map[string]ServedMap{}

// Row builders keep the table readable: status(i) sets the status
// argument, body(i…) the payload arguments, to(w) the writer condition.
func status(i int) SinkRow { return SinkRow{Status: i, Writer: -1} }

func body(i ...int) SinkRow { return SinkRow{Status: -1, Body: i, Writer: -1} }

// fixed(code) is a call that sends the constant status code; nothing()
// a call that writes nothing the checks follow (its summary is not
// used either).
func fixed(code int) SinkRow { return SinkRow{Status: -1, Writer: -1, Fixed: code} }

func nothing() SinkRow { return SinkRow{Status: -1, Writer: -1} }

func (r SinkRow) body(i ...int) SinkRow {
	r.Body = i
	return r
}

func (r SinkRow) variadic() SinkRow {
	r.Variadic = true
	return r
}

func (r SinkRow) to(w int) SinkRow {
	r.Writer = w
	return r
}

var Sinks = map[string]SinkRow{
	// net/http (and so chi, gorilla/mux handlers); the frameworks' rows
	// are in their own files (the framework files)
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

// WriterWrappers are constructors whose result writes into their first
// argument: a client writer wrapped by them is still a client writer.
var WriterWrappers = map[string]bool{
	"encoding/json.NewEncoder":     true,
	"encoding/xml.NewEncoder":      true,
	"bufio.NewWriter":              true,
	"bufio.NewWriterSize":          true,
	"compress/gzip.NewWriter":      true,
	"compress/gzip.NewWriterLevel": true,
}

// ClientWriterTypes are framework types whose values are io.Writers into
// the response body (io.Copy(c, resp.Body) in a fiber handler), keyed
// by package path and type name; they are used through pointers.
var ClientWriterTypes = map[[2]string]bool{}

// ClientBodyWriters return a writer into the response body when their
// receiver is the response of the request being served (see
// Engine.IsClientWriter): c.Response().BodyWriter() in fiber.
var ClientBodyWriters = map[string]bool{}

// TriggerImports are packages whose import makes a package worth
// analysing: they provide sources or sinks. A package importing none of
// them, and no package with upstreamlint facts, is skipped before any
// SSA is built.
var TriggerImports = map[string]bool{
	"net/http":      true,
	"database/sql":  true,
	"runtime/debug": true,
}
