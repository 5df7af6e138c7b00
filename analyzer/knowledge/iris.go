package knowledge

// iris v12 (github.com/kataras/iris/v12): iris.Context is an alias of
// *context.Context; handlers are func(ctx iris.Context), answering 200
// unless ctx.StatusCode (or a StopWith…) ran first. StopWithError sends
// err.Error() (an iris.ErrPrivate error is not sent). Handlers
// registered with OnErrorCode and OnAnyErrorCode run with the error
// status already written (ErrorPages).

const (
	irisContext = "github.com/kataras/iris/v12/context"
	irisRouter  = "github.com/kataras/iris/v12/core/router"
)

func init() {
	ctx := "(*" + irisContext + ".Context)."
	sinks := map[string]SinkRow{
		ctx + "StatusCode":      status(1),
		ctx + "StopWithStatus":  status(1),
		ctx + "StopWithText":    status(1).body(2, 3).variadic(),
		ctx + "StopWithError":   status(1).body(2),
		ctx + "StopWithJSON":    status(1).body(2),
		ctx + "StopWithProblem": status(1).body(2),
		ctx + "Writef":          body(1, 2).variadic(),
		ctx + "Text":            body(1, 2).variadic(),
		ctx + "HTML":            body(1, 2).variadic(),
	}
	for _, m := range []string{"Write", "WriteString", "Binary", "JSON", "JSONP", "XML", "Problem", "YAML", "Protobuf", "MsgPack"} {
		sinks[ctx+m] = body(1)
	}
	input := map[string]InputRow{}
	for _, m := range []string{"ReadJSON", "ReadForm", "ReadQuery", "ReadBody", "ReadParams", "ReadHeaders", "ReadURL", "ReadXML", "ReadYAML", "ReadProtobuf", "ReadMsgPack", "FormFile", "UploadFormFiles"} {
		input[ctx+m] = AnyInput
	}
	register(rowSet{
		Imports:     []string{"github.com/kataras/iris/v12", irisContext},
		Sinks:       sinks,
		ClientInput: input,
		Contexts:    []HandlerCtx{{Pkg: irisContext, Name: "Context", Pointer: true, Setter: ".StatusCode"}},
		ErrorPages: map[string]int{
			"(*" + irisRouter + ".APIBuilder).OnErrorCode":    2,
			"(*" + irisRouter + ".APIBuilder).OnAnyErrorCode": 1,
			"(" + irisRouter + ".Party).OnErrorCode":          2,
			"(" + irisRouter + ".Party).OnAnyErrorCode":       1,
		},
	})
}
