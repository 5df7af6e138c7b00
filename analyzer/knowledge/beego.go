package knowledge

// beego v2 (github.com/beego/beego/v2/server/web): controllers answer
// through c.Ctx.Output (SetStatus, then JSON, Body…), c.Ctx.Abort,
// c.CustomAbort and the …Resp helpers, and c.Data["json"] = v;
// c.ServeJSON(), which serves a map field of the controller; the default
// status is 200. Not modelled: judging a controller method as a handler
// on the implicit 200.

const (
	beegoWeb     = "github.com/beego/beego/v2/server/web"
	beegoContext = "github.com/beego/beego/v2/server/web/context"
)

func init() {
	out := "(*" + beegoContext + ".BeegoOutput)."
	bctx := "(*" + beegoContext + ".Context)."
	ctrl := "(*" + beegoWeb + ".Controller)."
	sinks := map[string]SinkRow{
		out + "SetStatus":    status(1),
		bctx + "Abort":       status(1).body(2),
		ctrl + "CustomAbort": status(1).body(2),
		bctx + "WriteString": body(1),
	}
	for _, m := range []string{"Body", "JSON", "YAML", "JSONP", "XML", "ServeFormatted"} {
		sinks[out+m] = body(1)
	}
	for _, m := range []string{"JSONResp", "XMLResp", "Resp"} {
		sinks[bctx+m] = body(1)
		sinks[ctrl+m] = body(1)
	}
	input := map[string]InputRow{}
	for _, m := range []string{"Bind", "BindForm", "BindJSON", "BindXML", "BindYAML", "ParseForm"} {
		input[ctrl+m] = AnyInput
	}
	for _, m := range []string{"Bind", "BindJSON", "BindForm", "BindXML", "BindYAML"} {
		input[bctx+m] = AnyInput
	}
	register(rowSet{
		Imports:     []string{beegoWeb, beegoContext},
		Sinks:       sinks,
		ClientInput: input,
		ServedMaps: map[string]ServedMap{
			ctrl + "ServeJSON":  {Field: "Data", Key: "json"},
			ctrl + "ServeJSONP": {Field: "Data", Key: "jsonp"},
			ctrl + "ServeXML":   {Field: "Data", Key: "xml"},
			ctrl + "ServeYAML":  {Field: "Data", Key: "yaml"},
		},
	})
}
