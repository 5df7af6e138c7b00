package knowledge

// go-swagger (github.com/go-openapi/runtime): a generated server's
// handlers return a middleware.Responder, whose generated WriteResponse
// writes the status its type names and hands the payload to the
// negotiated Producer, which encodes it into the response writer. The
// responders themselves are typed responses (engine.TypedResponses);
// what the tables need is the producer's write.

const openapiRuntime = "github.com/go-openapi/runtime"

func init() {
	register(rowSet{
		Imports: []string{openapiRuntime},
		Sinks: map[string]SinkRow{
			// producer.Produce(rw, payload)
			"(" + openapiRuntime + ".Producer).Produce":     body(2).to(1),
			"(" + openapiRuntime + ".ProducerFunc).Produce": body(2).to(1),
		},
		// the generated payloads take pointers: &models.Error{Message:
		// swag.String(err.Error())}; the text is the argument's
		Flows: map[string][]Flow{
			"github.com/go-openapi/swag.String": {res(0, 0, "")},
		},
	})
}
