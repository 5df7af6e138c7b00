package analyzer

// gin (github.com/gin-gonic/gin): *gin.Context answers with an explicit
// status; c.Error and c.AbortWithError attach an error for an error
// middleware (errhandlers.go).

const gin = "github.com/gin-gonic/gin"

func init() {
	register(knowledge{
		Imports: []string{gin},
		Flows: map[string][]flow{
			// gin's list of the errors attached with c.Error: what an error
			// middleware reads of it is their text.
			"(github.com/gin-gonic/gin.errorMsgs).Last":   {res(0, 0, "[]")},
			"(github.com/gin-gonic/gin.errorMsgs).ByType": {res(0, 0, "")},
			"(github.com/gin-gonic/gin.errorMsgs).Errors": {res(0, 0, "[]/Err/text")},
			"(github.com/gin-gonic/gin.errorMsgs).String": {res(0, 0, "[]/Err/text")},
			"(github.com/gin-gonic/gin.Error).Error":      {res(0, 0, "Err/text")},
		},
		Sinks: map[string]sinkRow{
			// gin: *gin.Context; c.Writer is a gin.ResponseWriter, which embeds
			// http.ResponseWriter (its WriteHeader and Write are the rows above).
			"(*" + gin + ".Context).Status":              status(1),
			"(*" + gin + ".Context).JSON":                status(1).body(2),
			"(*" + gin + ".Context).IndentedJSON":        status(1).body(2),
			"(*" + gin + ".Context).SecureJSON":          status(1).body(2),
			"(*" + gin + ".Context).JSONP":               status(1).body(2),
			"(*" + gin + ".Context).AsciiJSON":           status(1).body(2),
			"(*" + gin + ".Context).PureJSON":            status(1).body(2),
			"(*" + gin + ".Context).XML":                 status(1).body(2),
			"(*" + gin + ".Context).YAML":                status(1).body(2),
			"(*" + gin + ".Context).TOML":                status(1).body(2),
			"(*" + gin + ".Context).ProtoBuf":            status(1).body(2),
			"(*" + gin + ".Context).String":              status(1).body(2, 3).variadic(),
			"(*" + gin + ".Context).Data":                status(1).body(3),
			"(*" + gin + ".Context).DataFromReader":      status(1).body(4),
			"(*" + gin + ".Context).HTML":                status(1).body(3),
			"(*" + gin + ".Context).Redirect":            status(1),
			"(*" + gin + ".Context).AbortWithStatus":     status(1),
			"(*" + gin + ".Context).AbortWithStatusJSON": status(1).body(2),
			"(*" + gin + ".Context).AbortWithError":      status(1), // the error is attached to c.Errors, not written
			"(" + gin + ".ResponseWriter).WriteString":   body(1),
		},
		ClientInput: map[string]inputRow{},
		InputPrefixes: map[string][]string{
			gin + ".Context": {"Bind", "ShouldBind", "MustBind", "FormFile", "MultipartForm"},
		},
		Contexts: []HandlerCtx{{Pkg: gin, Name: "Context", Pointer: true, Setter: ".Status"}},
		// the errors an error middleware writes (errhandlers.go)
		ErrorCalls: map[string]ErrorCall{
			"(*" + gin + ".Context).Error":          {Framework: "gin", Arg: 1, Verb: "attached to the context for", Advice: "attach"},
			"(*" + gin + ".Context).AbortWithError": {Framework: "gin", Arg: 2, Verb: "attached with AbortWithError for", Advice: "attach"},
		},
	})
}
