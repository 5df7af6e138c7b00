package passthrough_test

import "github.com/upstreamlint/upstreamlint/internal/checktest"

// frameworkCases run on stubs in testdata/src whose signatures match the
// real modules (e2e/frameworks runs the command on the real ones), with
// the default settings (TestDefaultConfig).
var frameworkCases = checktest.Cases{
	"passthrough/gin":      "gin",
	"passthrough/echo":     "echo v4",
	"passthrough/echo5":    "echo v5",
	"passthrough/fiber3":   "fiber v3",
	"passthrough/gozero":   "go-zero",
	"passthrough/hertz":    "hertz",
	"passthrough/fasthttp": "fasthttp",
	"passthrough/restful":  "go-restful",
	"passthrough/kratos":   "kratos",
	"passthrough/iris":     "iris",
	"passthrough/beego":    "beego",
	"passthrough/gateway":  "grpc-gateway",
	"passthrough/connect":  "Connect",
	"passthrough/fiber":    "fiber v2",
	"passthrough/render":   "go-chi/render",
	"passthrough/grpc":     "gRPC servers",
}

// frameworkFixCases check the fixes' .golden files (TestDefaultFixes).
var frameworkFixCases = checktest.Cases{
	"passthrough/ginfix":         "the mapper in gin handlers",
	"passthrough/grpcfix":        "the code mapper in gRPC servers",
	"passthrough/grpcfiximports": "the code mapper's imports",
}
