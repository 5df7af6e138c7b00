package knowledge

// fiber v2 (github.com/gofiber/fiber/v2): handlers take *fiber.Ctx and
// return an error, which the app's Config.ErrorHandler answers, or
// fiber's default handler (err.Error() with 500).

const fiberPkg = "github.com/gofiber/fiber/v2"

func init() {
	register(rowSet{
		Imports: []string{fiberPkg},
		Sources: map[string][]Kind{
			// fiber's HTTP client: (code int, body []byte, errs []error)
			"(*github.com/gofiber/fiber/v2.Agent).Bytes":  {KindStatus, KindBody, KindDepError},
			"(*github.com/gofiber/fiber/v2.Agent).String": {KindStatus, KindBody, KindDepError},
		},
		// *fiber.Ctx answers with status 200 unless Status or SendStatus
		// ran first; fiber.NewError's message is sent.
		Sinks: withRows(fiberCtxSinks("(*"+fiberPkg+".Ctx)."), map[string]SinkRow{
			"(*" + fiberPkg + ".Ctx).Format": body(1),
			fiberPkg + ".NewError":           status(0).body(1).variadic(),
		}),
		ClientInput: map[string]InputRow{
			"(*github.com/gofiber/fiber/v2.Ctx).BodyParser":      AnyInput,
			"(*github.com/gofiber/fiber/v2.Ctx).QueryParser":     AnyInput,
			"(*github.com/gofiber/fiber/v2.Ctx).ParamsParser":    AnyInput,
			"(*github.com/gofiber/fiber/v2.Ctx).ReqHeaderParser": AnyInput,
			"(*github.com/gofiber/fiber/v2.Ctx).CookieParser":    AnyInput,
			"(*github.com/gofiber/fiber/v2.Ctx).ParamsInt":       AnyInput,
			"(*github.com/gofiber/fiber/v2.Ctx).FormFile":        AnyInput,
			"(*github.com/gofiber/fiber/v2.Ctx).MultipartForm":   AnyInput,
		},
		Contexts:    []HandlerCtx{{Pkg: fiberPkg, Name: "Ctx", Pointer: true, Setter: ".Status"}},
		WriterTypes: [][2]string{{fiberPkg, "Ctx"}},
		// c.Response() is the response being served: its BodyWriter
		// answers the client
		ServedResponses: []string{"(*" + fiberPkg + ".Ctx).Response"},
		ErrorHandlers: []ErrorFramework{{
			Name: "fiber", Handler: HandlerCtx{Pkg: fiberPkg, Name: "Ctx", Pointer: true},
			InstallType: [2]string{fiberPkg, "Config"}, InstallField: "ErrorHandler", ErrParam: 1,
			ErrorType: [2]string{fiberPkg, "Error"},
			New:       fiberPkg + ".New", Default: &fiberDefault,
			Delegates: []string{fiberPkg + ".DefaultErrorHandler"},
		}},
	})
}

// fiberDefault is fiber's DefaultErrorHandler: c.Status(500) (or the
// code of a *fiber.Error) and c.SendString(err.Error()).
var fiberDefault = InstalledHandler{
	Framework: "fiber",
	Name:      "fiber's default error handler",
	Sinks:     []SinkParam{{Role: RoleBody, Param: 0, Reads: OpText, Status: 500}},
}

// fiberCtxSinks are the rows of fiber's context, v2 and v3 alike, for the
// method prefix of its receiver ("(*…/v2.Ctx).", "(…/v3.Ctx).").
func fiberCtxSinks(recv string) map[string]SinkRow {
	rows := map[string]SinkRow{
		recv + "Status":     status(1),
		recv + "SendStatus": status(1),
	}
	for _, m := range []string{"JSON", "JSONP", "XML", "Send", "SendString", "SendStream", "Write", "WriteString"} {
		rows[recv+m] = body(1)
	}
	return rows
}
