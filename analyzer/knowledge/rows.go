package knowledge

// The row schema: adding a framework is adding a file of rows, <name>.go,
// that calls register at init (and its cases); register merges a file's
// rows into the tables the engine reads.

import (
	"go/types"
	"maps"
	"slices"
	"strings"
)

// A rowSet is what one framework or library contributes.
type rowSet struct {
	// Imports make a package that imports one of them worth analysing
	// (triggerImports).
	Imports []string
	// Sources, Flows and Sinks are rows of sourceResults, flows and sinks.
	Sources map[string][]Kind
	Flows   map[string][]Flow
	Sinks   map[string]SinkRow
	// Fills are calls that write a source into an argument's pointee
	// instead of returning it: fasthttp's and hertz's client.Do(req,
	// resp) fill resp with the upstream's answer.
	Fills map[string]Fill
	// ClientInput are calls whose errors are about the client's input;
	// InputPrefixes, method-name prefixes of request contexts whose
	// errors are (gin's Bind*, ShouldBind*), by "path.Type".
	ClientInput   map[string]InputRow
	InputPrefixes map[string][]string
	// Contexts are the request contexts handlers answer through.
	Contexts []HandlerCtx
	// WriterTypes are types whose values write into the response body
	// (clientWriterTypes); BodyWriters, calls that return such a writer
	// (clientBodyWriters).
	WriterTypes [][2]string
	BodyWriters []string
	// Libraries are dependency client packages (and the packages below
	// them): their errors are dependency errors (libraries.go).
	Libraries []string
	// ErrorHandlers say how the framework answers an error a handler
	// returns (analyzer/engine/errhandlers.go); ErrorCalls are the calls that hand an
	// error to the framework's error handler (gin's c.Error).
	ErrorHandlers []ErrorFramework
	ErrorCalls    map[string]ErrorCall
	// ErrorPages are calls that register handlers the framework runs
	// with an error status already written (iris's OnErrorCode, gin's
	// NoRoute), by the index of their first handler argument (receiver
	// first; the handlers are variadic).
	ErrorPages map[string]int
	// ErrorMiddleware are the shapes of the middleware that answers the
	// errors ErrorCalls attach (gin's).
	ErrorMiddleware []ErrorMiddleware
	// DebugChecks and DebugModes say whether the framework runs in debug
	// mode (served.go).
	DebugChecks []string
	DebugModes  map[string]DebugMode
	// ServedResponses and ServedResponseFields give the response of the
	// request being served (served.go).
	ServedResponses      []string
	ServedResponseFields []TypeField
	// ContextStatus is the function of the package that keeps a status
	// for its render calls (served.go).
	ContextStatus string
	// ContextStatusKey is the variable holding the context key under
	// which that function keeps the status: a request whose context gets
	// a status under it (context.WithValue(ctx, render.StatusCtxKey,
	// code)) is answered with that status by the render calls
	// (served.go).
	ContextStatusKey string
	// ServedMaps are calls that answer with a value the handler stored
	// in a map field of their receiver (knowledge.ServedMaps).
	ServedMaps map[string]ServedMap
	// CodedErrors are calls that build errors and statuses from a code,
	// ErrorBuilders packages that build errors from errors, RPCRuntimes
	// and CallOptions mark generated services and their client calls,
	// and CodeFix is where the code-mapping fix finds its packages
	// (codes.go).
	CodedErrors   map[string]CodedRole
	ErrorBuilders []string
	RPCRuntimes   []string
	CallOptions   []string
	CodeFix       *CodeFix
}

// An ErrorCall hands its argument Arg (receiver first) to the error
// handler of Framework. Verb and Advice word the finding: "attached to
// the context for", "attach".
type ErrorCall struct {
	Framework    string
	Arg          int
	Verb, Advice string
}

// A HandlerCtx is a framework's request context: a handler answers
// through its one parameter of this type.
type HandlerCtx struct {
	Pkg, Name string
	Pointer   bool // handlers take *Name
	// Setter is appended to the parameter's name to set the status, for
	// fixes: ".Status" makes c.Status(code).
	Setter string
	// Arity is the number of parameters of the framework's handlers (0:
	// one, the context): hertz's take (ctx, c), go-restful's (req, resp).
	Arity int
	// RequestField is the field of the context that holds the
	// *http.Request being served (gin's c.Request), if any: see
	// RequestField.
	RequestField string
}

// HandlerArity is the number of parameters of the framework's handlers.
func (c HandlerCtx) HandlerArity() int {
	if c.Arity == 0 {
		return 1
	}
	return c.Arity
}

// Is reports whether t is the context.
func (c HandlerCtx) Is(t types.Type) bool {
	if c.Pkg == "" {
		return false // a framework whose handlers have no context of their own
	}
	if c.Pointer {
		return IsPtrTo(t, c.Pkg, c.Name)
	}
	return IsNamed(t, c.Pkg, c.Name)
}

var (
	handlerCtxs     []HandlerCtx
	ErrorFrameworks []ErrorFramework
	ErrorCalls      = map[string]ErrorCall{}
	// APISinks are the sink rows of the frameworks' files. When one
	// builds an error (ErrorConstructor), the framework's own package
	// calling it (kratos' FromError building errors.New(500, "",
	// err.Error())) answers no one there.
	APISinks = map[string]bool{}
)

// register merges a framework's rows into the tables. A row already
// there is a mistake in the rows: it panics at init, in every test.
func register(k rowSet) {
	for _, p := range k.Imports {
		TriggerImports[p] = true
	}
	addNew(SourceResults, k.Sources)
	addNew(Flows, k.Flows)
	addNew(Fills, k.Fills)
	for n, r := range k.Sinks {
		mustNew(n, Sinks)
		Sinks[n] = r
		APISinks[n] = true
	}
	addNew(ClientInputFuncs, k.ClientInput)
	for n, r := range k.InputPrefixes {
		ClientInputMethodPrefixes[n] = append(ClientInputMethodPrefixes[n], r...)
	}
	for _, c := range k.Contexts {
		HandlerContexts[c.Pkg+"."+c.Name] = true
		handlerCtxs = append(handlerCtxs, c)
	}
	for _, t := range k.WriterTypes {
		ClientWriterTypes[t] = true
	}
	for _, n := range k.BodyWriters {
		ClientBodyWriters[n] = true
	}
	ErrorFrameworks = append(ErrorFrameworks, k.ErrorHandlers...)
	DependencyLibraries.List = append(DependencyLibraries.List, k.Libraries...)
	addNew(ErrorPages, k.ErrorPages)
	addNew(ErrorCalls, k.ErrorCalls)
	ErrorMiddlewares = append(ErrorMiddlewares, k.ErrorMiddleware...)
	addNewNames(DebugChecks, k.DebugChecks)
	addNew(DebugModes, k.DebugModes)
	addNewNames(ServedResponses, k.ServedResponses)
	ServedResponseFields = append(ServedResponseFields, k.ServedResponseFields...)
	if k.ContextStatus != "" {
		pkg, name := splitFunc(k.ContextStatus)
		mustNew(pkg, ContextStatus)
		ContextStatus[pkg] = name
	}
	addNew(ServedMaps, k.ServedMaps)
	if k.ContextStatusKey != "" {
		mustNew(k.ContextStatusKey, ContextStatusKeys)
		ContextStatusKeys[k.ContextStatusKey] = true
	}
	addNew(CodedErrors, k.CodedErrors)
	for _, p := range k.ErrorBuilders {
		ErrorBuilders[p] = true
	}
	for _, p := range k.RPCRuntimes {
		RPCRuntimes[p] = true
	}
	for _, t := range k.CallOptions {
		CallOptions[t] = true
	}
	if k.CodeFix != nil {
		if CodeFixPkgs != (CodeFix{}) {
			panic("upstreamlint: knowledge: a second code fix row")
		}
		CodeFixPkgs = *k.CodeFix
	}
}

// splitFunc splits the full name of a package-level function,
// "path.Name", into the package path and the name.
func splitFunc(full string) (pkg, name string) {
	i := strings.LastIndexByte(full, '.')
	if i < strings.LastIndexByte(full, '/') {
		panic("upstreamlint: knowledge: not a function's full name: " + full)
	}
	return full[:i], full[i+1:]
}

// addNew adds the rows of src to the table dst; a row already there
// panics (mustNew).
func addNew[V any](dst, src map[string]V) {
	for n, r := range src {
		mustNew(n, dst)
		dst[n] = r
	}
}

// addNewNames adds names to the set dst; a name already there panics
// (mustNew).
func addNewNames(dst map[string]bool, names []string) {
	for _, n := range names {
		mustNew(n, dst)
		dst[n] = true
	}
}

func mustNew[V any](name string, m map[string]V) {
	if _, dup := m[name]; dup {
		panic("upstreamlint: knowledge row registered twice: " + name)
	}
}

// withRows returns rows with extra added: the rows two versions of a
// framework share, and one version's own.
func withRows(rows, extra map[string]SinkRow) map[string]SinkRow {
	for n, r := range extra {
		rows[n] = r
	}
	return rows
}

// HandlerContext returns the framework context t is, if any.
func HandlerContext(t types.Type) (HandlerCtx, bool) {
	for _, c := range handlerCtxs {
		if c.Is(t) {
			return c, true
		}
	}
	return HandlerCtx{}, false
}

// KnowledgeKeys returns every function or method the tables name, by
// full name ("net/http.Error", "(*github.com/gin-gonic/gin.Context).JSON"),
// sorted and each once: a test holds them against the real modules, since
// a key that names no function (a typo, a method promoted from an
// embedded type, whose full name is the embedded type's) matches nothing.
func Keys() []string {
	set := make(map[string]bool)
	for _, m := range []map[string]bool{WriterWrappers, ClientBodyWriters, APISinks} {
		for k := range m {
			set[k] = true
		}
	}
	for k := range SourceResults {
		set[k] = true
	}
	for k := range Flows {
		set[k] = true
	}
	for k := range Fills {
		set[k] = true
	}
	for k := range Sinks {
		set[k] = true
	}
	for k := range ClientInputFuncs {
		set[k] = true
	}
	for k := range ErrorPages {
		set[k] = true
	}
	for k := range ErrorCalls {
		set[k] = true
	}
	for k := range WriterCalls {
		set[k] = true
	}
	for _, m := range []map[string]bool{DebugChecks, ServedResponses} {
		for k := range m {
			set[k] = true
		}
	}
	for k := range DebugModes {
		set[k] = true
	}
	for k := range CodedErrors {
		set[k] = true
	}
	for pkg, name := range ContextStatus {
		set[pkg+"."+name] = true
	}
	for k := range ServedMaps {
		set[k] = true
	}
	for _, f := range ErrorFrameworks {
		for _, k := range append([]string{f.New, f.InstallCall}, f.Delegates...) {
			if k != "" {
				set[k] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// Variables returns every package-level variable the tables name
// (render.StatusCtxKey), as "path.Name", sorted: e2e checks that each
// exists.
func Variables() []string {
	return slices.Sorted(maps.Keys(ContextStatusKeys))
}

// KnowledgeTypes returns every named type the tables name, as
// "path.Name": the frameworks' contexts, writer types, error types and
// the types their error handlers are installed on.
func Types() []string {
	set := make(map[string]bool)
	add := func(pkg, name string) {
		if pkg != "" && name != "" {
			set[pkg+"."+name] = true
		}
	}
	for _, c := range handlerCtxs {
		add(c.Pkg, c.Name)
	}
	for t := range ClientWriterTypes {
		add(t[0], t[1])
	}
	for _, f := range ErrorFrameworks {
		add(f.Handler.Pkg, f.Handler.Name)
		add(f.InstallType[0], f.InstallType[1])
		add(f.ErrorType[0], f.ErrorType[1])
	}
	for _, m := range ErrorMiddlewares {
		add(m.Ctx.Pkg, m.Ctx.Name)
	}
	for _, f := range ServedResponseFields {
		add(f.Pkg, f.Name)
	}
	for t := range CallOptions {
		set[t] = true
	}
	for t := range ErrorFields {
		set[t] = true
	}
	for t := range DepErrorReceivers {
		set[t] = true
	}
	for t := range SQLResultTypes {
		set[t] = true
	}
	return slices.Sorted(maps.Keys(set))
}
