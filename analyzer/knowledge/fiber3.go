package knowledge

// fiber v3 (github.com/gofiber/fiber/v3): fiber.Ctx is an interface now;
// handlers are func(fiber.Ctx) error, and the app's Config.ErrorHandler
// (or fiber's default, err.Error() with 500) answers the errors they
// return. Binding moved to c.Bind().Body(&v) and its siblings, and the
// HTTP client to the client package.

const (
	fiber3       = "github.com/gofiber/fiber/v3"
	fiber3Client = "github.com/gofiber/fiber/v3/client"
)

func init() {
	sources := map[string][]Kind{}
	for _, m := range []string{"Get", "Post", "Head", "Put", "Delete", "Options", "Patch"} {
		sources[fiber3Client+"."+m] = []Kind{KindResponse, KindDepError}
		sources["(*"+fiber3Client+".Client)."+m] = []Kind{KindResponse, KindDepError}
	}
	sources["(*"+fiber3Client+".Request).Send"] = []Kind{KindResponse, KindDepError}
	resp := "(*" + fiber3Client + ".Response)."
	ctx := "(" + fiber3 + ".Ctx)."
	bind := "(*" + fiber3 + ".Bind)."
	input := map[string]InputRow{
		ctx + "FormFile":      AnyInput,
		ctx + "MultipartForm": AnyInput,
	}
	for _, m := range []string{"Body", "JSON", "XML", "CBOR", "MsgPack", "Form", "Query", "URI", "Header", "Cookie", "All", "Custom"} {
		input[bind+m] = AnyInput
	}
	register(rowSet{
		Imports: []string{fiber3, fiber3Client},
		Sources: sources,
		Flows: map[string][]Flow{
			resp + "StatusCode": {res(0, 0, "StatusCode")},
			resp + "Status":     {res(0, 0, "Status")},
			resp + "Body":       {res(0, 0, "Body")},
			resp + "String":     {res(0, 0, "Body")},
		},
		// c answers with status 200 unless Status or SendStatus ran
		// first; fiber.NewError's message is sent
		Sinks: withRows(fiberCtxSinks(ctx), map[string]SinkRow{
			ctx + "CBOR":          body(1),
			ctx + "MsgPack":       body(1),
			ctx + "AutoFormat":    body(1),
			ctx + "Writef":        body(1, 2).variadic(),
			fiber3 + ".NewError":  status(0).body(1).variadic(),
			fiber3 + ".NewErrorf": status(0).body(1).variadic(),
		}),
		ClientInput: input,
		Contexts:    []HandlerCtx{{Pkg: fiber3, Name: "Ctx", Setter: ".Status"}},
		ErrorHandlers: []ErrorFramework{{
			Name: "fiber3", Handler: HandlerCtx{Pkg: fiber3, Name: "Ctx"},
			InstallType: [2]string{fiber3, "Config"}, InstallField: "ErrorHandler", ErrParam: 1,
			ErrorType: [2]string{fiber3, "Error"},
			New:       fiber3 + ".New", Default: &fiber3Default,
			Delegates: []string{fiber3 + ".DefaultErrorHandler"},
		}},
	})
}

// fiber3Default is fiber v3's DefaultErrorHandler: c.Status(500) (or the
// code of a *fiber.Error) and c.SendString(err.Error()).
var fiber3Default = InstalledHandler{
	Framework: "fiber3",
	Name:      "fiber's default error handler",
	Sinks:     []SinkParam{{Role: RoleBody, Param: 0, Reads: OpText, Status: 500}},
}
