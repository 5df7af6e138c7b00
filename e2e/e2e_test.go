// Package e2e runs the upstreamlint command on frameworks/, a module of
// handlers written against the real gin, echo v4 and v5, fiber v2 and v3, go-zero, Connect, hertz, fasthttp, go-restful, grpc-gateway, kratos, iris, beego, go-chi/render
// and grpc-go modules (from the module proxy, pinned by its go.sum). The
// analysistest cases run on stubs in testdata/src; this test proves that
// the stubs did not drift from the real APIs: the same defects are found
// in code that compiles against the real modules, and nothing else.
package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The findings on frameworks/, as "path:line: check: message" with the
// path relative to frameworks/.
var wantFindings = []string{
	"beegoapp/beegoapp.go:26: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"beegoapp/beegoapp.go:30: passthrough: upstream status resp.StatusCode is forwarded to the client; map it to a status of this service",
	"beegoapp/beegoapp.go:36: softerror: error-only body map[string]string is sent with explicit status 200; use an error status",
	"connectapp/connectapp.go:52: passthrough: upstream gRPC error err is returned to the client with its code; map the code to a code of this service",
	"connectapp/connectapp.go:60: leak: dependency error connect.NewError(connect.CodeInternal, err) is returned to the gRPC client, which receives its text as the status message; log it and return a status with a generic message",
	"echo5app/echo5app.go:34: passthrough: upstream status resp.StatusCode is forwarded to the client; map it to a status of this service",
	"echo5app/echo5app.go:40: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"echo5app/echo5app.go:48: softerror: error-only body map[string]string is sent with explicit status 200; use an error status",
	"echo5app/echo5app.go:56: leak: dependency error err is returned to the error handler errorHandler (echo5app.go:24), which sends its text to the client with status 400; log it and return an error with a generic message",
	"echoapp/echoapp.go:41: passthrough: upstream status resp.StatusCode is forwarded to the client; map it to a status of this service",
	"echoapp/echoapp.go:51: passthrough: upstream status resp.StatusCode is forwarded to the client; map it to a status of this service",
	"echoapp/echoapp.go:59: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"echoapp/echoapp.go:68: softerror: error-only body map[string]string is sent with explicit status 200; use an error status",

	"envapp/envapp.go:22: softerror: failure envelope (Code: 7) is sent with status 200 by Result, from 1 call; send the failure as the response status",
	"envapp/envapp.go:33: softerror: failure envelope gin.H (success: false) is sent with explicit status 200; use an error status",

	"fasthttpapp/fasthttpapp.go:33: passthrough: upstream status code is forwarded to the client; map it to a status of this service",
	"fasthttpapp/fasthttpapp.go:38: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"fasthttpapp/fasthttpapp.go:46: softerror: error text \"{\\\"error\\\":\\\"id is required\\\"}\" is sent with explicit status 200; use an error status",
	"fasthttpapp/fasthttpapp.go:71: passthrough: upstream status resp.StatusCode() is forwarded to the client; map it to a status of this service",
	"fiber3app/fiber3app.go:27: passthrough: upstream status resp.StatusCode() is forwarded to the client; map it to a status of this service",
	"fiber3app/fiber3app.go:33: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"fiber3app/fiber3app.go:40: softerror: error-only body fiber.Map is sent with status 200 (no status written on this path); write an error status first",
	"fiber3app/fiber3app.go:48: leak: dependency error err is returned to fiber's default error handler, which sends its text to the client with status 500; log it and return an error with a generic message",
	"fiberapp/fiberapp.go:42: passthrough: upstream status resp.StatusCode is forwarded to the client; map it to a status of this service",
	"fiberapp/fiberapp.go:51: passthrough: upstream status resp.StatusCode is forwarded to the client; map it to a status of this service",
	"fiberapp/fiberapp.go:59: passthrough: upstream status code is forwarded to the client; map it to a status of this service",
	"fiberapp/fiberapp.go:65: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"fiberapp/fiberapp.go:138: leak: dependency error err is returned to the error handler Handler (errs.go:7), which sends its text to the client; log it and return an error with a generic message",
	"fiberapp/fiberapp.go:74: softerror: error-only body fiber.Map is sent with status 200 (no status written on this path); write an error status first",

	"gatewayapp/gatewayapp.go:21: leak: dependency error err is passed to runtime.HTTPError for grpc-gateway's default error handler, which sends its text to the client; log it and pass runtime.HTTPError an error with a generic message",
	"ginapp/ginapp.go:45: passthrough: upstream status resp.StatusCode is forwarded to the client; map it to a status of this service",
	"ginapp/ginapp.go:56: passthrough: upstream status resp.StatusCode is forwarded to the client; map it to a status of this service",
	"ginapp/ginapp.go:65: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"ginapp/ginapp.go:71: leak: upstream error body body is sent to the client; answer with a message of this service",
	"ginapp/ginapp.go:80: leak: stack trace string(debug.Stack()) is sent to the client; log it instead",
	"ginapp/ginapp.go:89: softerror: error-only body gin.H is sent with explicit status 200; use an error status",
	"ginapp/ginapp.go:156: leak: dependency error err is sent to the client; log it and send a generic message",

	"gozeroapp/gozeroapp.go:40: passthrough: upstream status resp.StatusCode is forwarded to the client; map it to a status of this service",
	"gozeroapp/gozeroapp.go:45: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"gozeroapp/gozeroapp.go:53: softerror: error-only body map[string]string is sent with explicit status 200; use an error status",
	"gozeroapp/gozeroapp.go:62: leak: dependency error err is passed to httpx.Error for go-zero's default error handler, which sends its text to the client; log it and pass httpx.Error an error with a generic message",
	"grpcapp/grpcapp.go:36: passthrough: upstream gRPC error err is returned to the client with its code; map the code to a code of this service",
	"grpcapp/grpcapp.go:51: passthrough: upstream gRPC code status.Code(err) is returned to the client; map it to a code of this service",
	`grpcapp/grpcapp.go:59: leak: dependency error status.Errorf(codes.Internal, "upstream: %v", err) is returned to the gRPC client, which receives its text as the status message; log it and return a status with a generic message`,
	"grpcapp/grpcapp.go:124: passthrough: upstream gRPC code st.Code() is returned to the client; map it to a code of this service",

	"layeredapp/errs/errs.go:8: softerror: error-only body fiber.Map is sent with status 200 (no status written on this path); write an error status first",
	"hertzapp/hertzapp.go:34: passthrough: upstream status code is forwarded to the client; map it to a status of this service",
	"hertzapp/hertzapp.go:39: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"hertzapp/hertzapp.go:47: softerror: error-only body map[string]string is sent with explicit status 200; use an error status",
	"hertzapp/hertzapp.go:81: passthrough: upstream status resp.StatusCode() is forwarded to the client; map it to a status of this service",
	"irisapp/irisapp.go:31: passthrough: upstream status resp.StatusCode is forwarded to the client; map it to a status of this service",
	"irisapp/irisapp.go:36: leak: dependency error err is sent to the client; log it and send a generic message",
	"irisapp/irisapp.go:44: softerror: failure envelope iris.Map (status: \"error\") is sent with status 200 (no status written on this path); write an error status first",
	"kratosapp/kratosapp.go:27: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"kratosapp/kratosapp.go:39: passthrough: upstream status resp.StatusCode is forwarded to the client; map it to a status of this service",
	"kratosapp/kratosapp.go:50: softerror: error-only body map[string]string is sent with explicit status 200; use an error status",
	"layeredapp/api/api.go:37: passthrough: upstream gRPC error err is returned to the client with its code; map the code to a code of this service",
	"layeredapp/api/api.go:50: leak: dependency error err.Error() is sent to the client; log it and send a generic message",

	"libapp/libapp.go:43: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"libapp/libapp.go:52: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"libapp/libapp.go:61: leak: dependency error err is sent to the client; log it and send a generic message",
	"libapp/libapp.go:71: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"libapp/libapp.go:80: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"libapp/libapp.go:84: passthrough: upstream status resp.StatusCode() is forwarded to the client; map it to a status of this service",

	"libapp2/libapp2.go:51: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"libapp2/libapp2.go:55: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"libapp2/libapp2.go:60: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"libapp2/libapp2.go:65: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"libapp2/libapp2.go:69: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"libapp2/libapp2.go:74: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"libapp2/libapp2.go:79: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"libapp2/libapp2.go:83: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"libapp2/libapp2.go:87: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"libapp2/libapp2.go:91: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"libapp2/libapp2.go:95: leak: dependency error err.Error() is sent to the client; log it and send a generic message",

	"renderapp/renderapp.go:42: passthrough: upstream status resp.StatusCode is forwarded to the client; map it to a status of this service",
	"renderapp/renderapp.go:50: leak: dependency error err.Error() is sent to the client; log it and send a generic message",
	"renderapp/renderapp.go:60: softerror: error-only body render.M is sent with status 200 (no status written on this path); write an error status first",

	"restfulapp/restfulapp.go:30: passthrough: upstream status r.StatusCode is forwarded to the client; map it to a status of this service",
	"restfulapp/restfulapp.go:35: leak: dependency error err is sent to the client; log it and send a generic message",
	"restfulapp/restfulapp.go:43: softerror: error-only body map[string]string is sent with status 200 (no status written on this path); write an error status first",
	"statusapp/respond/respond.go:14: leak: error text of err is sent with status 500; internal errors carry details of our dependencies: log it and send a generic message",
	"statusapp/statusapp.go:36: leak: error text of err is sent with status 500; internal errors carry details of our dependencies: log it and send a generic message",
}

// Exit codes of the command (README, "Exit codes"): 0 without findings,
// 3 with findings. Earlier versions exited 0 under -json whatever they
// found; both are accepted here, since what is asserted is the report.
// Anything else (1: load or analysis failure, 2: usage) fails the test.
var okExitCodes = map[int]bool{0: true, 3: true}

func TestFrameworks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and analyses the real frameworks: skipped in -short mode")
	}
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	module := filepath.Join(root, "e2e", "frameworks")

	start := time.Now()
	bin := filepath.Join(t.TempDir(), "upstreamlint")
	t.Log("building the command")
	build := exec.Command("go", "build", "-o", bin, "./cmd/upstreamlint")
	build.Dir = root
	out, err := build.CombinedOutput()
	require.NoError(t, err, "go build ./cmd/upstreamlint:\n%s", out)

	t.Logf("upstreamlint -json ./... on e2e/frameworks (%s; a first run compiles the framework modules, minutes)", time.Since(start).Round(time.Second))
	cmd := exec.Command(bin, "-json", "./...")
	cmd.Dir = module
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else {
		require.NoError(t, err)
	}
	require.NotContains(t, stderr.String(), "panic", "the command panicked")
	require.True(t, okExitCodes[code], "exit code %d\nstderr:\n%s", code, stderr.String())

	got, err := findings(stdout.Bytes(), module)
	require.NoError(t, err, "stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
	want := append([]string(nil), wantFindings...)
	sortFindings(want)
	require.Equal(t, want, got)

	// go vet -vettool analyses one package at a time from export data and
	// facts, and takes the whole program's findings from the runner
	// (driver/hosted): the same findings, those that need the whole
	// program included (layeredapp's interfaces are implemented in
	// packages its api package does not import; fiberapp's app is
	// created in main with layeredapp/errs's error handler).
	// A setting no package matches gives this run vet cache keys of its
	// own: the go command hands a package vetted earlier as a dependency
	// (facts only) that empty report when it is named.
	nonce := fmt.Sprintf("-upstreamfacts.deps=e2e.invalid/%d", time.Now().UnixNano())
	t.Logf("go vet -vettool on e2e/frameworks, every package vetted again (%s; about two minutes on 2 cores)", time.Since(start).Round(time.Second))
	vet := exec.Command("go", "vet", "-vettool="+bin, nonce, "-json", "./...")
	vet.Dir = module
	vet.Env = cmd.Env
	var vetOut bytes.Buffer
	vet.Stdout, vet.Stderr = &vetOut, &vetOut
	_ = vet.Run() // the report is what is asserted
	var jsonLines bytes.Buffer
	for _, line := range strings.SplitAfter(vetOut.String(), "\n") {
		if !strings.HasPrefix(line, "# ") {
			jsonLines.WriteString(line) // go vet -json heads each package's tree with "# path"
		}
	}
	gotVet, err := findings(jsonLines.Bytes(), module)
	require.NoError(t, err, "go vet output:\n%s", vetOut.String())
	require.Equal(t, want, gotVet, "go vet -vettool gives the standalone's findings")
	t.Logf("done (%s)", time.Since(start).Round(time.Second))
}

// diagnostic is an entry of the go/analysis JSON tree; an analyzer that
// failed has {"error": "..."} in place of its list.
type diagnostic struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

// findings decodes the JSON tree {package: {analyzer: [diagnostic…]}}
// (one or several, as drivers print one per package or one in all) into
// sorted "path:line: analyzer: message" strings, paths relative to dir.
func findings(stdout []byte, dir string) ([]string, error) {
	var out []string
	dec := json.NewDecoder(bytes.NewReader(stdout))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("decoding the JSON output: %v", err)
		}
		for pkg, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var diags []diagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, fmt.Errorf("%s: %s: not a list of diagnostics: %s", pkg, name, raw)
				}
				for _, d := range diags {
					file, line, err := fileLine(d.Posn)
					if err != nil {
						return nil, err
					}
					rel, err := filepath.Rel(dir, file)
					if err != nil {
						return nil, err
					}
					out = append(out, fmt.Sprintf("%s:%s: %s: %s", filepath.ToSlash(rel), line, name, d.Message))
				}
			}
		}
	}
	sortFindings(out)
	return out, nil
}

// sortFindings orders "path:line: …" strings by path, then line number.
func sortFindings(fs []string) {
	key := func(f string) (string, int, string) {
		path, rest, _ := strings.Cut(f, ":")
		line, rest, _ := strings.Cut(rest, ":")
		n, _ := strconv.Atoi(line)
		return path, n, rest
	}
	sort.SliceStable(fs, func(i, j int) bool {
		pi, li, ri := key(fs[i])
		pj, lj, rj := key(fs[j])
		if pi != pj {
			return pi < pj
		}
		if li != lj {
			return li < lj
		}
		return ri < rj
	})
}

// fileLine splits "file:line:col" (or "file:line").
func fileLine(posn string) (file, line string, err error) {
	parts := strings.Split(posn, ":")
	if len(parts) >= 3 {
		return strings.Join(parts[:len(parts)-2], ":"), parts[len(parts)-2], nil
	}
	if len(parts) == 2 {
		return parts[0], parts[1], nil
	}
	return "", "", fmt.Errorf("malformed position %q", posn)
}
