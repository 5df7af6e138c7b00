package knowledge

// go-restful v3 (github.com/emicklei/go-restful/v3): route functions are
// func(req *restful.Request, resp *restful.Response); the response embeds
// http.ResponseWriter, and its writers answer 200 unless WriteHeader (or
// a WriteHeaderAnd…, WriteError) ran first.

const restful = "github.com/emicklei/go-restful/v3"

func init() {
	resp := "(*" + restful + ".Response)."
	register(rowSet{
		Imports: []string{restful},
		Sinks: map[string]SinkRow{
			resp + "WriteHeader":          status(1),
			resp + "Write":                body(1),
			resp + "WriteEntity":          body(1),
			resp + "WriteAsJson":          body(1),
			resp + "WriteAsXml":           body(1),
			resp + "WriteJson":            body(1),
			resp + "WriteHeaderAndEntity": status(1).body(2),
			resp + "WriteHeaderAndJson":   status(1).body(2),
			resp + "WriteHeaderAndXml":    status(1).body(2),
			// WriteError(status, err) writes err.Error()
			resp + "WriteError":        status(1).body(2),
			resp + "WriteErrorString":  status(1).body(2),
			resp + "WriteServiceError": status(1).body(2),
		},
		ClientInput: map[string]InputRow{
			"(*" + restful + ".Request).ReadEntity": AnyInput,
		},
		Contexts: []HandlerCtx{{Pkg: restful, Name: "Response", Pointer: true, Setter: ".WriteHeader", Arity: 2}},
	})
}
