package softerror_test

import "github.com/upstreamlint/upstreamlint/internal/checktest"

// frameworkCases run on stubs in testdata/src whose signatures match the
// real modules (e2e/frameworks runs the command on the real ones), with
// the default settings (TestDefaultConfig).
var frameworkCases = checktest.Cases{
	"softerror/gin":      "gin",
	"softerror/echo":     "echo v4",
	"softerror/echo5":    "echo v5",
	"softerror/fiber3":   "fiber v3",
	"softerror/gozero":   "go-zero",
	"softerror/hertz":    "hertz",
	"softerror/fasthttp": "fasthttp",
	"softerror/restful":  "go-restful",
	"softerror/kratos":   "kratos",
	"softerror/iris":     "iris",
	"softerror/beego":    "beego",
	"softerror/fiber":    "fiber v2",
	"softerror/render":   "go-chi/render",
}

// frameworkFixCases check the fixes' .golden files (TestDefaultFixes).
var frameworkFixCases = checktest.Cases{
	"softerror/frameworkfix": "fixes in framework handlers",
}
