package knowledge

// go-chi/render: render.Status keeps the status in the request's context
// for the next render call.

const chi = "github.com/go-chi/render"

func init() {
	register(rowSet{
		Imports: []string{chi},
		Sinks: map[string]SinkRow{
			// go-chi/render
			chi + ".Status":           status(1),
			chi + ".JSON":             body(2),
			chi + ".PlainText":        body(2),
			chi + ".Data":             body(2),
			chi + ".HTML":             body(2),
			chi + ".XML":              body(2),
			chi + ".Render":           body(2),
			chi + ".RenderList":       body(2),
			chi + ".DefaultResponder": body(2),
			chi + ".Respond":          body(2), // a variable holding the responder
		},
		// render's calls write the status render.Status(r, code) keeps
		ContextStatus:    chi + ".Status",
		ContextStatusKey: chi + ".StatusCtxKey",
		ClientInput: map[string]InputRow{
			"github.com/go-chi/render.Bind":       AnyInput,
			"github.com/go-chi/render.Decode":     AnyInput,
			"github.com/go-chi/render.DecodeJSON": requestInput(0),
			"github.com/go-chi/render.DecodeXML":  requestInput(0),
			"github.com/go-chi/render.DecodeForm": requestInput(0),
		},
	})
}
