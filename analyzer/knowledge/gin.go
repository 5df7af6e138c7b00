package knowledge

// gin (github.com/gin-gonic/gin): *gin.Context answers with an explicit
// status; c.Error and c.AbortWithError attach an error for an error
// middleware (analyzer/engine/errhandlers.go).

const ginPkg = "github.com/gin-gonic/gin"

func init() {
	register(rowSet{
		Imports: []string{ginPkg},
		Flows: map[string][]Flow{
			// gin's list of the errors attached with c.Error: what an error
			// middleware reads of it is their text.
			"(github.com/gin-gonic/gin.errorMsgs).Last":   {res(0, 0, "[]")},
			"(github.com/gin-gonic/gin.errorMsgs).ByType": {res(0, 0, "")},
			"(github.com/gin-gonic/gin.errorMsgs).Errors": {res(0, 0, "[]/Err/text")},
			"(github.com/gin-gonic/gin.errorMsgs).String": {res(0, 0, "[]/Err/text")},
			"(github.com/gin-gonic/gin.Error).Error":      {res(0, 0, "Err/text")},
		},
		Sinks: map[string]SinkRow{
			// gin: *gin.Context; c.Writer is a gin.ResponseWriter, which embeds
			// http.ResponseWriter (its WriteHeader and Write are the rows above).
			"(*" + ginPkg + ".Context).Status":              status(1),
			"(*" + ginPkg + ".Context).JSON":                status(1).body(2),
			"(*" + ginPkg + ".Context).IndentedJSON":        status(1).body(2),
			"(*" + ginPkg + ".Context).SecureJSON":          status(1).body(2),
			"(*" + ginPkg + ".Context).JSONP":               status(1).body(2),
			"(*" + ginPkg + ".Context).AsciiJSON":           status(1).body(2),
			"(*" + ginPkg + ".Context).PureJSON":            status(1).body(2),
			"(*" + ginPkg + ".Context).XML":                 status(1).body(2),
			"(*" + ginPkg + ".Context).YAML":                status(1).body(2),
			"(*" + ginPkg + ".Context).TOML":                status(1).body(2),
			"(*" + ginPkg + ".Context).ProtoBuf":            status(1).body(2),
			"(*" + ginPkg + ".Context).String":              status(1).body(2, 3).variadic(),
			"(*" + ginPkg + ".Context).Data":                status(1).body(3),
			"(*" + ginPkg + ".Context).DataFromReader":      status(1).body(4),
			"(*" + ginPkg + ".Context).HTML":                status(1).body(3),
			"(*" + ginPkg + ".Context).Redirect":            status(1),
			"(*" + ginPkg + ".Context).AbortWithStatus":     status(1),
			"(*" + ginPkg + ".Context).AbortWithStatusJSON": status(1).body(2),
			"(*" + ginPkg + ".Context).AbortWithError":      status(1), // the error is attached to c.Errors, not written
			"(" + ginPkg + ".ResponseWriter).WriteString":   body(1),
		},
		ClientInput: map[string]InputRow{},
		InputPrefixes: map[string][]string{
			ginPkg + ".Context": {"Bind", "ShouldBind", "MustBind", "FormFile", "MultipartForm"},
		},
		// c.Request is the request being served; the context's methods
		// read it, they do not retarget it
		Contexts: []HandlerCtx{{Pkg: ginPkg, Name: "Context", Pointer: true, Setter: ".Status", RequestField: "Request"}},
		// the errors an error middleware writes (analyzer/engine/errhandlers.go)
		ErrorCalls: map[string]ErrorCall{
			"(*" + ginPkg + ".Context).Error":          {Framework: "gin", Arg: 1, Verb: "attached to the context for", Advice: "attach"},
			"(*" + ginPkg + ".Context).AbortWithError": {Framework: "gin", Arg: 2, Verb: "attached with AbortWithError for", Advice: "attach"},
		},
		// a middleware func(c *gin.Context) that writes the text of the
		// attached errors: c.Errors.Last().Error(), c.Errors.String(),
		// c.Errors.Errors()
		ErrorMiddleware: []ErrorMiddleware{{
			Framework: "gin",
			Ctx:       HandlerCtx{Pkg: ginPkg, Name: "Context", Pointer: true},
			Reads:     "Errors/[]/Err",
		}},
		// gin.IsDebugging(), gin.Mode() == "debug" (gin.DebugMode)
		DebugChecks: []string{ginPkg + ".IsDebugging"},
		DebugModes:  map[string]DebugMode{ginPkg + ".Mode": {On: "debug", Off: "release"}},
	})
}
