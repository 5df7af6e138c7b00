package knowledge

// ogen (github.com/ogen-go/ogen) generates servers whose handlers return
// (response, error). A returned error of the generated error response
// type (ErrorStatusCode: a StatusCode and a Response) is written by the
// generated encodeErrorResponse(response, w, span) with its own status;
// any other error goes to the Handler's NewError. The responses are
// encoded with github.com/go-faster/jx: the generated Encode methods put
// the fields into a *jx.Encoder, whose buffer is written to the client.

const jx = "github.com/go-faster/jx"

// ErrorEncoders are the names of generated functions, in the package of
// an error response type, that write a value of that type (their first
// parameter) to the client: a conversion of that type to error in a
// handler is the answer it commits to (engine.TypedResponses).
var ErrorEncoders = []string{"encodeErrorResponse"}

func init() {
	enc := "(*" + jx + ".Encoder)."
	flows := map[string][]Flow{
		"(" + jx + ".Encoder).Bytes":  {res(0, 0, "")},
		"(" + jx + ".Encoder).String": {res(0, 0, "")},
	}
	for _, m := range []string{"Str", "StrEscape", "Raw", "RawStr", "ByteStr", "ByteStrEscape", "Base64", "Write"} {
		flows[enc+m] = []Flow{into(1, 0)}
	}
	register(rowSet{
		Imports: []string{jx},
		Flows:   flows,
		Sinks: map[string]SinkRow{
			enc + "WriteTo": body(0).to(1),
		},
	})
}
