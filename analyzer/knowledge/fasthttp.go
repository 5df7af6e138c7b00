package knowledge

// fasthttp (github.com/valyala/fasthttp): the server fiber v2 is built
// on, used directly too. A handler is func(ctx *fasthttp.RequestCtx): it
// answers 200 unless SetStatusCode (or Error, Redirect) ran first. The
// client's Get and Post return the upstream status and body; Do fills the
// response it is given instead (Fills), and its error is a dependency
// error.

const fasthttp = "github.com/valyala/fasthttp"

func init() {
	ctx := "(*" + fasthttp + ".RequestCtx)."
	sources := map[string][]Kind{
		fasthttp + ".Get":  {KindStatus, KindBody, KindDepError},
		fasthttp + ".Post": {KindStatus, KindBody, KindDepError},
	}
	for _, recv := range []string{"Client", "HostClient"} {
		sources["(*"+fasthttp+"."+recv+").Get"] = []Kind{KindStatus, KindBody, KindDepError}
		sources["(*"+fasthttp+"."+recv+").Post"] = []Kind{KindStatus, KindBody, KindDepError}
		for _, m := range []string{"Do", "DoTimeout", "DoDeadline", "DoRedirects"} {
			sources["(*"+fasthttp+"."+recv+")."+m] = []Kind{KindDepError}
		}
	}
	fill := map[string]Fill{}
	for _, m := range []string{"Do", "DoTimeout", "DoDeadline", "DoRedirects"} {
		sources[fasthttp+"."+m] = []Kind{KindDepError}
		fill[fasthttp+"."+m] = upstreamResponse(1)
		fill["(*"+fasthttp+".Client)."+m] = upstreamResponse(2)
		fill["(*"+fasthttp+".HostClient)."+m] = upstreamResponse(2)
	}
	resp := "(*" + fasthttp + ".Response)."
	register(rowSet{
		Imports: []string{fasthttp},
		Sources: sources,
		Fills:   fill,
		Flows: map[string][]Flow{
			resp + "StatusCode": {res(0, 0, "StatusCode")},
			resp + "Body":       {res(0, 0, "Body")},
		},
		// Write and WriteString are the writer type's (WriterTypes)
		Sinks: map[string]SinkRow{
			ctx + "SetStatusCode": status(1),
			ctx + "Error":         status(2).body(1),
			ctx + "Redirect":      status(2),
			ctx + "Success":       fixed(200).body(2),
			ctx + "SuccessString": fixed(200).body(2),
			ctx + "SetBody":       body(1),
			ctx + "SetBodyString": body(1),
			ctx + "SetBodyStream": body(1),
		},
		Contexts:    []HandlerCtx{{Pkg: fasthttp, Name: "RequestCtx", Pointer: true, Setter: ".SetStatusCode"}},
		WriterTypes: [][2]string{{fasthttp, "RequestCtx"}},
		// ctx.Response is the response being served; a client's
		// fasthttp.Response is not
		ServedResponseFields: []TypeField{{Pkg: fasthttp, Name: "RequestCtx", Field: "Response"}},
		BodyWriters:          []string{"(*" + fasthttp + ".Response).BodyWriter"},
	})
}
