package leak_test

import "github.com/upstreamlint/upstreamlint/internal/checktest"

// frameworkCases run on stubs in testdata/src whose signatures match the
// real modules (e2e/frameworks runs the command on the real ones), with
// the default settings (TestDefaultConfig).
var frameworkCases = checktest.Cases{
	"leak/gin":            "gin handlers",
	"leak/echo":           "echo v4",
	"leak/echo5":          "echo v5",
	"leak/fiber3":         "fiber v3",
	"leak/gozero":         "go-zero",
	"leak/hertz":          "hertz",
	"leak/fasthttp":       "fasthttp",
	"leak/restful":        "go-restful",
	"leak/kratos":         "kratos",
	"leak/iris":           "iris",
	"leak/beego":          "beego",
	"leak/gateway":        "grpc-gateway",
	"leak/connect":        "Connect",
	"leak/connectgo":      "Connect under its old path, github.com/bufbuild/connect-go",
	"leak/fiber":          "fiber v2",
	"leak/render":         "go-chi/render",
	"leak/grpc":           "gRPC servers",
	"leak/zrpc":           "goctl's generated zrpc servers, answered by their logic",
	"leak/ogen":           "ogen servers: the generated error response type returned as an error",
	"leak/twirp":          "twirp and kitex services (the interface a generated New…Server takes)",
	"leak/grpcregistered": "grpc-go services known by the interface a generated Register…Server takes, registered elsewhere",
	// Errors returned from echo and fiber handlers go to the error
	// handler the package installs, or to fiber's default one.
	"leak/fiberdefault":      "fiber's default error handler",
	"leak/fiberhandler":      "an installed fiber error handler",
	"leak/fibersafe":         "an error handler that sends a generic message",
	"leak/fibernoapp":        "handlers of a package that creates no app",
	"leak/echohandler":       "an installed echo error handler",
	"leak/echodelegate":      "an echo error handler that hands errors to echo's default",
	"leak/echomethodhandler": "an echo error handler installed as a method value through a field",
	"leak/echo5handler":      "echo v5's error handler",
	"leak/fiber3default":     "fiber v3's default error handler",
	"leak/gozerohandler":     "go-zero's error handler",
	"leak/echocovered":       "errors the echo handler covers",
	"leak/echoenvelope":      "an echo error handler whose envelope carries its own 500 on one path",
	"leak/echojsonapi":       "a not-found document built from an error after a test for the sentinel",
	"leak/adapter":           "handler adapters",
	"leak/ginerrors":         "gin's c.Error",
	"leak/ginerrors500":      "a gin error middleware that sends the text with its own 500",
	"leak/ginlogged":         "gin errors that are only logged",
}

// frameworkFixCases check the fixes' .golden files (TestDefaultFixes).
var frameworkFixCases = checktest.Cases{
	"leak/frameworkfix": "fixes in framework handlers",
}
