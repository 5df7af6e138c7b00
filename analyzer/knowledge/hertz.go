package knowledge

// hertz (github.com/cloudwego/hertz): handlers are
// func(ctx context.Context, c *app.RequestContext); the context answers
// with an explicit status, as gin's does. The client's Get and Post
// return the upstream status and body; Do(ctx, req, resp) fills resp
// (Fills). Not modelled: error middleware reading c.Errors.

const (
	hertzApp    = "github.com/cloudwego/hertz/pkg/app"
	hertzClient = "github.com/cloudwego/hertz/pkg/app/client"
	hertzProto  = "github.com/cloudwego/hertz/pkg/protocol"
)

func init() {
	ctx := "(*" + hertzApp + ".RequestContext)."
	input := map[string]InputRow{}
	for _, m := range []string{"Bind", "BindAndValidate", "Validate", "BindQuery", "BindForm", "BindJSON", "BindPath", "BindHeader", "BindProtobuf", "FormFile", "MultipartForm"} {
		input[ctx+m] = AnyInput
	}
	cl := "(*" + hertzClient + ".Client)."
	sources := map[string][]Kind{
		cl + "Get":        {KindStatus, KindBody, KindDepError},
		cl + "GetTimeout": {KindStatus, KindBody, KindDepError},
		cl + "Post":       {KindStatus, KindBody, KindDepError},
	}
	fill := map[string]Fill{}
	for _, m := range []string{"Do", "DoTimeout", "DoDeadline", "DoRedirects"} {
		sources[cl+m] = []Kind{KindDepError}
		sources[hertzClient+"."+m] = []Kind{KindDepError}
		fill[cl+m] = upstreamResponse(3)
		fill[hertzClient+"."+m] = upstreamResponse(2)
	}
	resp := "(*" + hertzProto + ".Response)."
	register(rowSet{
		Imports: []string{hertzApp, hertzClient},
		Sources: sources,
		Fills:   fill,
		Flows: map[string][]Flow{
			resp + "StatusCode": {res(0, 0, "StatusCode")},
			resp + "Body":       {res(0, 0, "Body")},
			resp + "BodyBytes":  {res(0, 0, "Body")},
		},
		Sinks: map[string]SinkRow{
			ctx + "JSON":                status(1).body(2),
			ctx + "PureJSON":            status(1).body(2),
			ctx + "IndentedJSON":        status(1).body(2),
			ctx + "XML":                 status(1).body(2),
			ctx + "ProtoBuf":            status(1).body(2),
			ctx + "String":              status(1).body(2, 3).variadic(),
			ctx + "Data":                status(1).body(3),
			ctx + "HTML":                status(1).body(3),
			ctx + "Redirect":            status(1),
			ctx + "Status":              status(1),
			ctx + "SetStatusCode":       status(1),
			ctx + "AbortWithStatus":     status(1),
			ctx + "AbortWithStatusJSON": status(1).body(2),
			ctx + "AbortWithMsg":        status(2).body(1),
			ctx + "AbortWithError":      status(1), // the error is attached, not written
			ctx + "Write":               body(1),
			ctx + "WriteString":         body(1),
			ctx + "SetBodyString":       body(1),
		},
		ClientInput: input,
		Contexts:    []HandlerCtx{{Pkg: hertzApp, Name: "RequestContext", Pointer: true, Setter: ".SetStatusCode", Arity: 2}},
	})
}
