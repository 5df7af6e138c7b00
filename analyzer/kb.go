package analyzer

import (
	"go/types"
	"maps"
	"slices"
)

// The knowledge of each framework and library is one file of rows,
// kb_<name>.go, registered at init: adding a framework is adding a file
// (and its cases). knowledge.go holds the standard library's rows and the
// tables the engine reads; register merges a file's rows into them.

// A knowledge is what one framework or library contributes.
type knowledge struct {
	// Imports make a package that imports one of them worth analysing
	// (triggerImports).
	Imports []string
	// Sources, Flows and Sinks are rows of sourceResults, flows and sinks.
	Sources map[string][]Kind
	Flows   map[string][]flow
	Sinks   map[string]sinkRow
	// Fills are calls that write a source into an argument's pointee
	// instead of returning it: fasthttp's and hertz's client.Do(req,
	// resp) fill resp with the upstream's answer.
	Fills map[string]fill
	// ClientInput are calls whose errors are about the client's input;
	// InputPrefixes, method-name prefixes of request contexts whose
	// errors are (gin's Bind*, ShouldBind*), by "path.Type".
	ClientInput   map[string]inputRow
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
	// returns (errhandlers.go); ErrorCalls are the calls that hand an
	// error to the framework's error handler (gin's c.Error).
	ErrorHandlers []errorFramework
	ErrorCalls    map[string]ErrorCall
	// ErrorPages are calls that register handlers the framework runs
	// with an error status already written (iris's OnErrorCode, gin's
	// NoRoute), by the index of their first handler argument (receiver
	// first; the handlers are variadic).
	ErrorPages map[string]int
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
	errorFrameworks []errorFramework
	errorCalls      = map[string]ErrorCall{}
	// apiSinks are the sink rows of the frameworks' files. When one
	// builds an error (errorConstructor), the framework's own package
	// calling it (kratos' FromError building errors.New(500, "",
	// err.Error())) answers no one there.
	apiSinks = map[string]bool{}
)

// register merges a framework's rows into the tables. A row already
// there is a mistake in the rows: it panics at init, in every test.
func register(k knowledge) {
	for _, p := range k.Imports {
		triggerImports[p] = true
	}
	for n, r := range k.Sources {
		mustNew(n, sourceResults)
		sourceResults[n] = r
	}
	for n, r := range k.Flows {
		mustNew(n, flows)
		flows[n] = r
	}
	for n, r := range k.Fills {
		mustNew(n, fills)
		fills[n] = r
	}
	for n, r := range k.Sinks {
		mustNew(n, sinks)
		sinks[n] = r
		apiSinks[n] = true
	}
	for n, r := range k.ClientInput {
		mustNew(n, clientInputFuncs)
		clientInputFuncs[n] = r
	}
	for n, r := range k.InputPrefixes {
		clientInputMethodPrefixes[n] = append(clientInputMethodPrefixes[n], r...)
	}
	for _, c := range k.Contexts {
		handlerContexts[c.Pkg+"."+c.Name] = true
		handlerCtxs = append(handlerCtxs, c)
	}
	for _, t := range k.WriterTypes {
		clientWriterTypes[t] = true
	}
	for _, n := range k.BodyWriters {
		clientBodyWriters[n] = true
	}
	errorFrameworks = append(errorFrameworks, k.ErrorHandlers...)
	dependencyLibraries.list = append(dependencyLibraries.list, k.Libraries...)
	for n, i := range k.ErrorPages {
		mustNew(n, errorPages)
		errorPages[n] = i
	}
	for n, c := range k.ErrorCalls {
		mustNew(n, errorCalls)
		errorCalls[n] = c
	}
}

func mustNew[V any](name string, m map[string]V) {
	if _, dup := m[name]; dup {
		panic("upstreamlint: knowledge row registered twice: " + name)
	}
}

// withRows returns rows with extra added: the rows two versions of a
// framework share, and one version's own.
func withRows(rows, extra map[string]sinkRow) map[string]sinkRow {
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
func KnowledgeKeys() []string {
	set := make(map[string]bool)
	for _, m := range []map[string]bool{writerWrappers, clientBodyWriters, apiSinks} {
		for k := range m {
			set[k] = true
		}
	}
	for k := range sourceResults {
		set[k] = true
	}
	for k := range flows {
		set[k] = true
	}
	for k := range fills {
		set[k] = true
	}
	for k := range sinks {
		set[k] = true
	}
	for k := range clientInputFuncs {
		set[k] = true
	}
	for k := range errorPages {
		set[k] = true
	}
	for k := range errorCalls {
		set[k] = true
	}
	for k := range writerCalls {
		set[k] = true
	}
	for _, f := range errorFrameworks {
		for _, k := range []string{f.New, f.InstallCall} {
			if k != "" {
				set[k] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// KnowledgeTypes returns every named type the tables name, as
// "path.Name": the frameworks' contexts, writer types, error types and
// the types their error handlers are installed on.
func KnowledgeTypes() []string {
	set := make(map[string]bool)
	add := func(pkg, name string) {
		if pkg != "" && name != "" {
			set[pkg+"."+name] = true
		}
	}
	for _, c := range handlerCtxs {
		add(c.Pkg, c.Name)
	}
	for t := range clientWriterTypes {
		add(t[0], t[1])
	}
	for _, f := range errorFrameworks {
		add(f.Handler.Pkg, f.Handler.Name)
		add(f.InstallType[0], f.InstallType[1])
		add(f.ErrorType[0], f.ErrorType[1])
	}
	for t := range errorFields {
		set[t] = true
	}
	for t := range depErrorReceivers {
		set[t] = true
	}
	for t := range sqlResultTypes {
		set[t] = true
	}
	return slices.Sorted(maps.Keys(set))
}
