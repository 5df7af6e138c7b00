package analyzer

// fiber v2 (github.com/gofiber/fiber/v2): handlers take *fiber.Ctx and
// return an error, which the app's Config.ErrorHandler answers, or
// fiber's default handler (err.Error() with 500).

const fiber = "github.com/gofiber/fiber/v2"

func init() {
	register(knowledge{
		Imports: []string{fiber},
		Sources: map[string][]Kind{
			// fiber's HTTP client: (code int, body []byte, errs []error)
			"(*github.com/gofiber/fiber/v2.Agent).Bytes":  {KindStatus, KindBody, KindDepError},
			"(*github.com/gofiber/fiber/v2.Agent).String": {KindStatus, KindBody, KindDepError},
		},
		// *fiber.Ctx answers with status 200 unless Status or SendStatus
		// ran first; fiber.NewError's message is sent.
		Sinks: withRows(fiberCtxSinks("(*"+fiber+".Ctx)."), map[string]sinkRow{
			"(*" + fiber + ".Ctx).Format": body(1),
			fiber + ".NewError":           status(0).body(1).variadic(),
		}),
		ClientInput: map[string]inputRow{
			"(*github.com/gofiber/fiber/v2.Ctx).BodyParser":      anyInput,
			"(*github.com/gofiber/fiber/v2.Ctx).QueryParser":     anyInput,
			"(*github.com/gofiber/fiber/v2.Ctx).ParamsParser":    anyInput,
			"(*github.com/gofiber/fiber/v2.Ctx).ReqHeaderParser": anyInput,
			"(*github.com/gofiber/fiber/v2.Ctx).CookieParser":    anyInput,
			"(*github.com/gofiber/fiber/v2.Ctx).ParamsInt":       anyInput,
			"(*github.com/gofiber/fiber/v2.Ctx).FormFile":        anyInput,
			"(*github.com/gofiber/fiber/v2.Ctx).MultipartForm":   anyInput,
		},
		Contexts:    []HandlerCtx{{Pkg: fiber, Name: "Ctx", Pointer: true, Setter: ".Status"}},
		WriterTypes: [][2]string{{fiber, "Ctx"}},
		ErrorHandlers: []errorFramework{{
			Name: "fiber", Handler: HandlerCtx{Pkg: fiber, Name: "Ctx", Pointer: true},
			InstallType: [2]string{fiber, "Config"}, InstallField: "ErrorHandler", ErrParam: 1,
			ErrorType: [2]string{fiber, "Error"},
			New:       fiber + ".New", Default: &fiberDefault,
		}},
	})
}

// fiberDefault is fiber's DefaultErrorHandler: c.Status(500) (or the
// code of a *fiber.Error) and c.SendString(err.Error()).
var fiberDefault = InstalledHandler{
	Framework: "fiber",
	Name:      "fiber's default error handler",
	Sinks:     []SinkParam{{Role: RoleBody, Param: 0, Reads: opText, Status: 500}},
}

// fiberCtxSinks are the rows of fiber's context, v2 and v3 alike, for the
// method prefix of its receiver ("(*…/v2.Ctx).", "(…/v3.Ctx).").
func fiberCtxSinks(recv string) map[string]sinkRow {
	rows := map[string]sinkRow{
		recv + "Status":     status(1),
		recv + "SendStatus": status(1),
	}
	for _, m := range []string{"JSON", "JSONP", "XML", "Send", "SendString", "SendStream", "Write", "WriteString"} {
		rows[recv+m] = body(1)
	}
	return rows
}
