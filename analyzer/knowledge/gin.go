package knowledge

// gin (github.com/gin-gonic/gin): *gin.Context answers with an explicit
// status; c.Error and c.AbortWithError attach an error for an error
// middleware (analyzer/engine/errhandlers.go).

const GinPkg = "github.com/gin-gonic/gin"

func init() {
	register(rowSet{
		Imports: []string{GinPkg},
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
			"(*" + GinPkg + ".Context).Status":              status(1),
			"(*" + GinPkg + ".Context).JSON":                status(1).body(2),
			"(*" + GinPkg + ".Context).IndentedJSON":        status(1).body(2),
			"(*" + GinPkg + ".Context).SecureJSON":          status(1).body(2),
			"(*" + GinPkg + ".Context).JSONP":               status(1).body(2),
			"(*" + GinPkg + ".Context).AsciiJSON":           status(1).body(2),
			"(*" + GinPkg + ".Context).PureJSON":            status(1).body(2),
			"(*" + GinPkg + ".Context).XML":                 status(1).body(2),
			"(*" + GinPkg + ".Context).YAML":                status(1).body(2),
			"(*" + GinPkg + ".Context).TOML":                status(1).body(2),
			"(*" + GinPkg + ".Context).ProtoBuf":            status(1).body(2),
			"(*" + GinPkg + ".Context).String":              status(1).body(2, 3).variadic(),
			"(*" + GinPkg + ".Context).Data":                status(1).body(3),
			"(*" + GinPkg + ".Context).DataFromReader":      status(1).body(4),
			"(*" + GinPkg + ".Context).HTML":                status(1).body(3),
			"(*" + GinPkg + ".Context).Redirect":            status(1),
			"(*" + GinPkg + ".Context).AbortWithStatus":     status(1),
			"(*" + GinPkg + ".Context).AbortWithStatusJSON": status(1).body(2),
			"(*" + GinPkg + ".Context).AbortWithError":      status(1), // the error is attached to c.Errors, not written
			"(" + GinPkg + ".ResponseWriter).WriteString":   body(1),
		},
		ClientInput: map[string]InputRow{},
		InputPrefixes: map[string][]string{
			GinPkg + ".Context": {"Bind", "ShouldBind", "MustBind", "FormFile", "MultipartForm"},
		},
		// c.Request is the request being served; the context's methods
		// read it, they do not retarget it
		Contexts: []HandlerCtx{{Pkg: GinPkg, Name: "Context", Pointer: true, Setter: ".Status", RequestField: "Request"}},
		// the errors an error middleware writes (analyzer/engine/errhandlers.go)
		ErrorCalls: map[string]ErrorCall{
			"(*" + GinPkg + ".Context).Error":          {Framework: "gin", Arg: 1, Verb: "attached to the context for", Advice: "attach"},
			"(*" + GinPkg + ".Context).AbortWithError": {Framework: "gin", Arg: 2, Verb: "attached with AbortWithError for", Advice: "attach"},
		},
		// a middleware func(c *gin.Context) that writes the text of the
		// attached errors: c.Errors.Last().Error(), c.Errors.String(),
		// c.Errors.Errors()
		ErrorMiddleware: []ErrorMiddleware{{
			Framework: "gin",
			Ctx:       HandlerCtx{Pkg: GinPkg, Name: "Context", Pointer: true},
			Reads:     "Errors/[]/Err",
		}},
		// gin.IsDebugging(), gin.Mode() == "debug" (gin.DebugMode)
		DebugChecks: []string{GinPkg + ".IsDebugging"},
		DebugModes:  map[string]DebugMode{GinPkg + ".Mode": {On: "debug", Off: "release"}},
	})
}
