package driver

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/upstreamlint/upstreamlint/driver/format"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// marker is the analyzer of these tests, independent of the real checks:
// a call mark("m") is a finding with message m, related to the declaration
// of mark, whose fix calls marked instead (and declares marked at the end
// of the file when the package lacks it, an edit every fix in the file
// shares); a call twice("m") is reported twice, with fixes that conflict.
var marker = &analysis.Analyzer{
	Name: "marker",
	Doc:  "report calls of mark and twice\n\nThe test analyzer of the driver: a call mark(\"m\") is a finding with message m.",
	URL:  "https://example.com/marker",
	Run:  runMarker,
}

func runMarker(pass *analysis.Pass) (any, error) {
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			id, ok := call.Fun.(*ast.Ident)
			lit, ok2 := call.Args[0].(*ast.BasicLit)
			if !ok || !ok2 || lit.Kind != token.STRING {
				return true
			}
			msg, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			decl := pass.TypesInfo.Uses[id].Pos()
			related := []analysis.RelatedInformation{{Pos: decl, End: decl + token.Pos(len(id.Name)), Message: id.Name + " is declared here"}}
			rename := func(to string) analysis.TextEdit {
				return analysis.TextEdit{Pos: id.Pos(), End: id.End(), NewText: []byte(to)}
			}
			switch id.Name {
			case "mark":
				edits := []analysis.TextEdit{rename("marked")}
				if pass.Pkg.Scope().Lookup("marked") == nil {
					edits = append(edits, analysis.TextEdit{Pos: file.FileEnd, End: file.FileEnd, NewText: []byte("\nfunc marked(message string) {}\n")})
				}
				pass.Report(analysis.Diagnostic{
					Pos: call.Pos(), End: call.End(), Message: msg, Related: related,
					SuggestedFixes: []analysis.SuggestedFix{{Message: "Call marked instead", TextEdits: edits}},
				})
			case "twice":
				for _, alt := range [][2]string{{"first", "once"}, {"second", "never"}} {
					pass.Report(analysis.Diagnostic{
						Pos: call.Pos(), End: call.End(), Message: fmt.Sprintf("%s (%s)", msg, alt[0]), Related: related,
						SuggestedFixes: []analysis.SuggestedFix{{Message: "Call " + alt[1] + " instead", TextEdits: []analysis.TextEdit{rename(alt[1])}}},
					})
				}
			}
			return true
		})
	}
	return nil, nil
}

var testTool = Tool{Name: "upstreamlint", URL: "https://github.com/upstreamlint/upstreamlint", Version: "v1.2.3-test"}

func fixture(t *testing.T) string {
	dir, err := filepath.Abs("testdata/fixture")
	require.NoError(t, err)
	return dir
}

type outcome struct {
	code           int
	stdout, stderr string
}

// run runs the driver with the marker analyzer in dir.
func run(t *testing.T, dir string, args ...string) outcome {
	t.Helper()
	return runWith(t, &Command{Tool: testTool, Dir: dir}, args...)
}

func runWith(t *testing.T, cmd *Command, args ...string) outcome {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	code := cmd.Run(args, []*analysis.Analyzer{marker})
	return outcome{code, stdout.String(), stderr.String()}
}

// golden compares got, with dir replaced by $FIXTURE, to the golden file.
func golden(t *testing.T, name, dir, got string) {
	t.Helper()
	got = strings.ReplaceAll(got, (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}).String(), "file://$FIXTURE")
	got = strings.ReplaceAll(got, dir, "$FIXTURE")
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./driver -update to create the golden files")
	assert.Equal(t, string(want), got, "%s differs; go test ./driver -run %s -update rewrites it", path, t.Name())
}

// TestFormats checks the exact output of every format on the fixture, and
// that each exits with the findings code.
func TestFormats(t *testing.T) {
	dir := fixture(t)
	for _, tc := range []struct {
		format string
		stderr string // the summary line, on stderr
	}{
		{"text", "upstreamlint: 6 findings: 6 marker; 5 fixable with -fix\n"},
		{"json", ""},
		{"sarif", ""},
		{"github", ""},
		{"rdjson", ""},
	} {
		t.Run(tc.format, func(t *testing.T) {
			// paths relative to the module root, wherever the fixture lies
			// in a git repository (TestGitHubPaths)
			res := run(t, dir, "-format="+tc.format, "-path-prefix=", "./...")
			assert.Equal(t, ExitFindings, res.code, res.stderr)
			assert.Equal(t, tc.stderr, res.stderr)
			golden(t, tc.format+".golden", dir, res.stdout)
		})
	}
}

// TestTextPaths checks the text format's file names: relative to the
// working directory when inside it, absolute outside it and with -abs.
func TestTextPaths(t *testing.T) {
	dir := fixture(t)
	res := runWith(t, &Command{Tool: testTool, Dir: filepath.Join(dir, "app")}, "./...")
	assert.Equal(t, ExitFindings, res.code, res.stderr)
	assert.Contains(t, res.stdout, "\napp.go:13:2: 100% sure: a, b\nsecond line (marker)\n\tapp.go:6:6: mark is declared here\n")
	assert.NotContains(t, res.stdout, dir, "no absolute name for a file inside the working directory")

	res = runWith(t, &Command{Tool: testTool, Dir: filepath.Join(dir, "app")}, "-abs", "./...")
	abs := filepath.Join(dir, "app", "app.go")
	assert.Contains(t, res.stdout, abs+":9:2: plain finding (marker)\n\t"+abs+":6:6: mark is declared here\n")

	assert.Equal(t, "a/b.go", format.ShortPath("/m", "/m/a/b.go"))
	assert.Equal(t, "/other/b.go", format.ShortPath("/m", "/other/b.go"), "outside the directory: absolute")
	assert.Equal(t, "/m/a/b.go", format.ShortPath("", "/m/a/b.go"), "-abs")
}

// TestGitHubPaths checks the annotations' paths, relative to the root of
// the git repository (the module lies in sub/mod) or to -path-prefix, and
// their level: errors when the findings fail the step, warnings with
// -exit-zero.
func TestGitHubPaths(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo := t.TempDir()
	mod := filepath.Join(repo, "sub", "mod")
	require.NoError(t, os.MkdirAll(filepath.Dir(mod), 0o755))
	require.NoError(t, os.Rename(copyFixture(t), mod))
	out, err := exec.Command("git", "-C", repo, "init", "-q").CombinedOutput()
	require.NoError(t, err, "%s", out)

	res := run(t, mod, "-format=github", "./app")
	assert.Equal(t, ExitFindings, res.code, res.stderr)
	assert.Contains(t, res.stdout, "::error file=sub/mod/app/app.go,line=9,col=2,endLine=9,endColumn=23,title=upstreamlint (marker)::plain finding%0Asub/mod/app/app.go:6:6: mark is declared here\n")
	assert.NotContains(t, res.stdout, "::warning")

	res = run(t, mod, "-format=github", "-path-prefix=services/x", "-exit-zero", "./app")
	assert.Equal(t, ExitClean, res.code, res.stderr)
	assert.Contains(t, res.stdout, "::warning file=services/x/app/app.go,line=9,")
	assert.NotContains(t, res.stdout, "::error")

	noGit := copyFixture(t)
	res = run(t, noGit, "-format=github", "./app")
	assert.Contains(t, res.stdout, "::error file=app/app.go,line=9,", "outside a repository: relative to the module root")
}

func TestExitZero(t *testing.T) {
	res := run(t, fixture(t), "-format=sarif", "-exit-zero", "./...")
	assert.Equal(t, ExitClean, res.code, res.stderr)
	assert.Contains(t, res.stdout, `"ruleId": "marker"`)

	res = run(t, fixture(t), "-json", "./...")
	assert.Equal(t, ExitFindings, res.code, "-json exits with the findings code too")
}

// TestJSONMatchesChecker checks that -json prints what multichecker prints
// (checker.Graph.PrintJSON) when there is nothing to deduplicate.
func TestJSONMatchesChecker(t *testing.T) {
	dir := fixture(t)
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Dir: dir}, "./...")
	require.NoError(t, err)
	graph, err := checker.Analyze([]*analysis.Analyzer{marker}, pkgs, nil)
	require.NoError(t, err)
	var want bytes.Buffer
	require.NoError(t, graph.PrintJSON(&want))

	for _, oracle := range []bool{true, false} {
		res := runWith(t, &Command{Tool: testTool, Dir: dir, Oracle: oracle}, "-json", "-test=false", "./...")
		require.Equal(t, ExitFindings, res.code, res.stderr)
		assert.Equal(t, want.String(), res.stdout, "oracle=%v", oracle)
	}
}

// TestDedupTestVariant checks that the findings of app.go, analysed in app
// and again in its test variant, are reported once, in every format.
func TestDedupTestVariant(t *testing.T) {
	dir := fixture(t)
	res, err := analyzeChecker(dir, []string{"./..."}, []*analysis.Analyzer{marker}, nil, true, nil)
	require.NoError(t, err)
	reported := 0
	for _, act := range res.roots {
		reported += len(act.Diagnostics)
		if strings.Contains(act.Package.ID, ".test]") && strings.HasSuffix(act.Package.PkgPath, "/app") {
			assert.Len(t, act.Diagnostics, 3, "the test variant reports app.go's findings again")
		}
	}
	assert.Equal(t, 9, reported)
	assert.Len(t, res.findings, 6)

	out := run(t, dir, "-format=github", "./...")
	assert.Equal(t, 6, strings.Count(out.stdout, "::error "), out.stdout)
	js := run(t, dir, "-json", "./...")
	var tree map[string]map[string][]format.JSONDiagnostic
	require.NoError(t, json.Unmarshal([]byte(js.stdout), &tree))
	n := 0
	for _, byCheck := range tree {
		n += len(byCheck["marker"])
	}
	assert.Equal(t, 6, n, js.stdout)
}

// TestSARIFSchema validates the SARIF output against the SARIF 2.1.0 JSON
// schema (testdata/sarif-schema-2.1.0.json, committed: no network).
func TestSARIFSchema(t *testing.T) {
	res := run(t, fixture(t), "-format=sarif", "./...")
	require.Equal(t, ExitFindings, res.code, res.stderr)

	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	require.NoError(t, err)
	defer f.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat() // uri, uri-reference, date-time: checked, not just annotated
	require.NoError(t, c.AddResource("sarif-schema-2.1.0.json", schemaDoc))
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	require.NoError(t, err)

	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(res.stdout))
	require.NoError(t, err)
	require.NoError(t, schema.Validate(doc))

	// The schema does not catch an invalid document with bad data: check
	// that it does reject one, so the validation above means something.
	bad := strings.Replace(res.stdout, `"level": "warning"`, `"level": "loud"`, 1)
	doc, err = jsonschema.UnmarshalJSON(strings.NewReader(bad))
	require.NoError(t, err)
	assert.Error(t, schema.Validate(doc))
}

type sarifOut struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name, Version, InformationURI string
				Rules                         []struct {
					ID               string
					ShortDescription struct{ Text string }
					FullDescription  struct{ Text string }
					Help             struct{ Text, Markdown string }
					HelpURI          string
				}
			}
		}
		Results []struct {
			RuleID    string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI, URIBaseID string }
					Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
				}
			}
			PartialFingerprints map[string]string
			Fixes               []struct {
				ArtifactChanges []struct {
					Replacements []struct {
						DeletedRegion   struct{ StartLine, StartColumn, EndLine, EndColumn int }
						InsertedContent struct{ Text string }
					}
				}
			}
		}
	}
}

// fingerprintKey names the partial fingerprint of SARIF results: code
// scanning matches results across runs by it, so it never changes.
const fingerprintKey = "upstreamlintFingerprint/v1"

// TestSARIFContent checks the rule, the UTF-16 columns, the fingerprints
// and the fixes of the SARIF output.
func TestSARIFContent(t *testing.T) {
	res := run(t, fixture(t), "-format=sarif", "./...")
	var log sarifOut
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &log))
	require.Len(t, log.Runs, 1)
	drv := log.Runs[0].Tool.Driver
	assert.Equal(t, "upstreamlint", drv.Name)
	assert.Equal(t, "v1.2.3-test", drv.Version)
	require.Len(t, drv.Rules, 1)
	rule := drv.Rules[0]
	assert.Equal(t, "marker", rule.ID)
	assert.Equal(t, "report calls of mark and twice", rule.ShortDescription.Text)
	assert.Equal(t, `The test analyzer of the driver: a call mark("m") is a finding with message m.`, rule.FullDescription.Text)
	assert.Equal(t, "https://example.com/marker", rule.HelpURI)
	assert.Contains(t, rule.Help.Markdown, "[Documentation](https://example.com/marker)")

	byMessage := make(map[string]int)
	for i, r := range log.Runs[0].Results {
		byMessage[r.Message.Text] = i
		loc := r.Locations[0].PhysicalLocation
		assert.Equal(t, "%SRCROOT%", loc.ArtifactLocation.URIBaseID)
		assert.NotContains(t, loc.ArtifactLocation.URI, `\`)
		assert.NotContains(t, loc.ArtifactLocation.URI, "fixture", "relative to the module root")
	}
	// "\t/* ü€😀 */ mark(": 17 bytes, 12 UTF-16 code units before mark.
	uni := log.Runs[0].Results[byMessage["after wide characters"]]
	region := uni.Locations[0].PhysicalLocation.Region
	assert.Equal(t, 13, region.StartColumn)
	assert.Equal(t, 13+len(`mark("after wide characters")`), region.EndColumn)
	repl := uni.Fixes[0].ArtifactChanges[0].Replacements[0]
	assert.Equal(t, 13, repl.DeletedRegion.StartColumn)
	assert.Equal(t, 17, repl.DeletedRegion.EndColumn)
	assert.Equal(t, "marked", repl.InsertedContent.Text)

	// The same finding on another line keeps its fingerprint; the two
	// findings of one twice call differ by message.
	first := log.Runs[0].Results[byMessage["one call, two fixes (first)"]].PartialFingerprints[fingerprintKey]
	second := log.Runs[0].Results[byMessage["one call, two fixes (second)"]].PartialFingerprints[fingerprintKey]
	assert.NotEqual(t, first, second)

	moved := copyFixture(t)
	path := filepath.Join(moved, "other", "other.go")
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, bytes.Replace(src, []byte("func Conflict"), []byte("// A comment.\n\n// More.\nfunc Conflict"), 1), 0o644))
	res = run(t, moved, "-format=sarif", "./...")
	var log2 sarifOut
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &log2))
	found := false
	for _, r := range log2.Runs[0].Results {
		if r.Message.Text == "one call, two fixes (first)" {
			found = true
			assert.Equal(t, first, r.PartialFingerprints[fingerprintKey])
			assert.Equal(t, 15, r.Locations[0].PhysicalLocation.Region.StartLine, "moved by three lines")
		}
	}
	assert.True(t, found)
}

// TestGitHubEscaping checks GitHub's escaping of workflow commands
// (format's TestGitHubEscape) in a finding's message and related
// location.
func TestGitHubEscaping(t *testing.T) {
	res := run(t, fixture(t), "-format=github", "-path-prefix=", "./app")
	endColumn := 2 + len(`mark("100% sure: a, b\nsecond line")`)
	assert.Contains(t, res.stdout, fmt.Sprintf(
		"::error file=app/app.go,line=13,col=2,endLine=13,endColumn=%d,title=upstreamlint (marker)::100%%25 sure: a, b%%0Asecond line%%0Aapp/app.go:6:6: mark is declared here\n", endColumn))
}

// rdRange and rdPosition are rdjson's range and position.
type (
	rdRange struct {
		Start rdPosition
		End   rdPosition
	}
	rdPosition struct{ Line, Column int }
)

type rdOut struct {
	Diagnostics []struct {
		Message  string
		Location struct {
			Path  string
			Range rdRange
		}
		Code        struct{ Value, URL string }
		Suggestions []struct {
			Range rdRange
			Text  string
		}
		RelatedLocations []struct {
			Message string
		} `json:"related_locations"`
	}
}

// TestRDJSONSuggestions checks that the first fix of a finding becomes
// reviewdog suggestions with byte columns, the edit at the finding first.
func TestRDJSONSuggestions(t *testing.T) {
	res := run(t, fixture(t), "-format=rdjson", "./...")
	var out rdOut
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &out))
	require.Len(t, out.Diagnostics, 6)
	byMessage := make(map[string]int)
	for i, d := range out.Diagnostics {
		byMessage[d.Message] = i
		assert.Equal(t, "marker", d.Code.Value)
		assert.Len(t, d.RelatedLocations, 1)
	}
	uni := out.Diagnostics[byMessage["after wide characters"]]
	assert.Equal(t, "app/app.go", uni.Location.Path)
	assert.Equal(t, rdPosition{Line: 17, Column: 18}, uni.Location.Range.Start, "columns in bytes")
	require.Len(t, uni.Suggestions, 2)
	assert.Equal(t, rdRange{Start: rdPosition{17, 18}, End: rdPosition{17, 22}}, uni.Suggestions[0].Range)
	assert.Equal(t, "marked", uni.Suggestions[0].Text)
	assert.Equal(t, rdRange{Start: rdPosition{19, 1}, End: rdPosition{19, 1}}, uni.Suggestions[1].Range, "the declaration, at the end of the file")
	assert.Equal(t, "\nfunc marked(message string) {}\n", uni.Suggestions[1].Text)

	second := out.Diagnostics[byMessage["one call, two fixes (second)"]]
	require.Len(t, second.Suggestions, 1)
	assert.Equal(t, "never", second.Suggestions[0].Text)
}

// copyFixture copies the fixture module to a temporary directory.
func copyFixture(t *testing.T) string {
	t.Helper()
	src := fixture(t)
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	require.NoError(t, err)
	return dst
}

// snapshot returns the content of every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := make(map[string]string)
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		files[p] = string(data)
		return err
	})
	require.NoError(t, err)
	return files
}

// TestDiff checks that -diff prints the merged, gofmt'ed fixes as a unified
// diff relative to the module root and changes nothing.
func TestDiff(t *testing.T) {
	dir := copyFixture(t)
	before := snapshot(t, dir)
	res := run(t, dir, "-fix", "-diff", "./...")
	assert.Equal(t, ExitFindings, res.code, res.stderr)
	golden(t, "diff.golden", dir, res.stdout)
	assert.Equal(t, "upstreamlint: the diff holds 4 fixes to 2 files; skipped 1 fix that conflict with another (run again to apply them); skipped 1 fix to generated files\n", res.stderr)
	assert.Equal(t, before, snapshot(t, dir), "-diff changes nothing")

	alone := run(t, dir, "-diff", "./...")
	assert.Equal(t, res.stdout, alone.stdout, "-diff implies -fix")
}

// TestFix checks that -fix applies every fix that does not conflict, once
// per identical edit, leaves generated files alone, gofmts, keeps file
// modes, and reports the findings left.
func TestFix(t *testing.T) {
	dir := copyFixture(t)
	app := filepath.Join(dir, "app", "app.go")
	require.NoError(t, os.Chmod(app, 0o640))
	generated, err := os.ReadFile(filepath.Join(dir, "other", "zz_generated.go"))
	require.NoError(t, err)

	res := run(t, dir, "-fix", "./...")
	assert.Equal(t, ExitFindings, res.code, "the conflicting and the generated findings are left: %s", res.stderr)
	assert.Contains(t, res.stderr, "upstreamlint: applied 4 fixes to 2 files; skipped 1 fix that conflict with another (run again to apply them); skipped 1 fix to generated files\n")
	assert.Contains(t, res.stdout, "other/other.go:12:2: one call, two fixes (second) (marker)\n")
	assert.Contains(t, res.stdout, "other/zz_generated.go:8:2: in a generated file (marker)\n")
	assert.Equal(t, 2, strings.Count(res.stdout, "is declared here"), "only the findings left are printed: %s", res.stdout)

	for _, name := range []string{"app/app.go", "other/other.go"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		golden(t, "fixed/"+strings.ReplaceAll(name, "/", "_")+".golden", dir, string(got))
	}
	after, err := os.ReadFile(filepath.Join(dir, "other", "zz_generated.go"))
	require.NoError(t, err)
	assert.Equal(t, string(generated), string(after), "generated files are not fixed")
	info, err := os.Stat(app)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), info.Mode().Perm(), "the file mode is kept")
	entries, err := os.ReadDir(filepath.Join(dir, "app"))
	require.NoError(t, err)
	assert.Len(t, entries, 2, "no temporary file is left: %v", entries)

	build := exec.Command("go", "vet", "./...")
	build.Dir = dir
	out, err := build.CombinedOutput()
	require.NoError(t, err, "the fixed module builds: %s", out)

	again := run(t, dir, "-fix", "./...")
	assert.Equal(t, ExitFindings, again.code)
	assert.Contains(t, again.stderr, "skipped 1 fix to generated files")
	assert.Contains(t, again.stderr, "applied 0 fixes to 0 files")
}

func TestUsage(t *testing.T) {
	dir := fixture(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-format=xml", "./..."}, "unknown -format=xml"},
		{[]string{"-json", "-format=sarif", "./..."}, "-json is -format=json"},
		{[]string{"-diff", "-format=sarif", "./..."}, "-diff prints a diff"},
		{[]string{"-nosuchflag", "./..."}, "flag provided but not defined: -nosuchflag\nUsage: upstreamlint [flags] packages...; 'upstreamlint -h' lists the flags\n"},
		{[]string{"-jsn", "./..."}, "flag provided but not defined: -jsn\ndid you mean -json?\n"},
		{[]string{"-exit-zer", "./..."}, "did you mean -exit-zero?"},
		{[]string{"-marker.times=3", "./..."}, "flag provided but not defined: -marker.times\nUsage:"}, // not -marker
		// every boolean says what it wants, in the words of the checks' (the flag package's own says "parse error")
		{[]string{"-fix=maybe", "./..."}, `invalid boolean value "maybe" for -fix: want true or false`},
		{[]string{"-test=nah", "./..."}, `invalid boolean value "nah" for -test: want true or false`},
		{[]string{"-json=2", "./..."}, `invalid boolean value "2" for -json: want true or false`},
		{[]string{"-marker=maybe", "./..."}, `invalid boolean value "maybe" for -marker: want true or false`},
		{nil, "no packages given"},
		{[]string{"help", "nosuchcheck"}, `no check named "nosuchcheck"; the checks are marker`},
		{[]string{"help", "makrer"}, `no check named "makrer" (did you mean marker?)`},
		{[]string{"-cpuprofile", filepath.Join(dir, "no", "such", "dir", "cpu.prof"), "./..."}, "-cpuprofile: open"},
	} {
		res := run(t, dir, tc.args...)
		assert.Equal(t, ExitUsage, res.code, "%v", tc.args)
		assert.Contains(t, res.stderr, tc.want, "%v", tc.args)
	}

	// a bad flag prints its error and one line, not the usage; -h the usage
	res := run(t, dir, "-nosuchflag", "./...")
	assert.NotContains(t, res.stderr, "Flags:")
	assert.Equal(t, 2, strings.Count(res.stderr, "\n"), res.stderr)
	res = run(t, dir, "-h")
	assert.Equal(t, ExitClean, res.code)
	assert.Contains(t, res.stderr, "Flags:")
	assert.Contains(t, res.stderr, "-format string")

	res = run(t, dir, "-V")
	assert.Equal(t, ExitClean, res.code)
	assert.Equal(t, "upstreamlint version v1.2.3-test\n", res.stdout)

	res = run(t, dir, "help", "marker")
	assert.Equal(t, ExitClean, res.code)
	assert.Contains(t, res.stdout, "marker: report calls of mark and twice\n")

	res = run(t, dir, "-marker=false", "./...")
	assert.Equal(t, ExitClean, res.code, "no check runs: %s", res.stderr)

	res = run(t, dir, "./nosuchpackage")
	assert.Equal(t, ExitError, res.code)
	assert.Contains(t, res.stderr, "nosuchpackage")
	assert.NotContains(t, res.stderr, "-: ", "an error without a position is its message alone")
}

// TestRunnerFlag: -runner, hidden, is accepted for one release; a value
// that named a runner now gone is ignored with a warning. The settings
// the cache keys include are the analyzers', nothing else.
func TestRunnerFlag(t *testing.T) {
	for _, tc := range []struct {
		args []string
		warn bool
	}{
		{nil, false},
		{[]string{"-runner=auto"}, false},
		{[]string{"-runner=export"}, false},
		{[]string{"-runner=vet"}, true},
		{[]string{"-runner=checker"}, true},
	} {
		var stderr bytes.Buffer
		c := &Command{Tool: testTool}
		_, err := c.parseFlags(append(tc.args, "./..."), []*analysis.Analyzer{marker}, &stderr)
		require.NoError(t, err, "%v", tc.args)
		if tc.warn {
			assert.Contains(t, stderr.String(), "upstreamlint: warning: "+tc.args[0]+" is ignored: upstreamlint has one runner", "%v", tc.args)
		} else {
			assert.Empty(t, stderr.String(), "%v", tc.args)
		}
	}
	var usage bytes.Buffer
	c := &Command{Tool: testTool}
	_, err := c.parseFlags([]string{"-help"}, []*analysis.Analyzer{marker}, &usage)
	require.ErrorIs(t, err, flag.ErrHelp)
	assert.Contains(t, usage.String(), "-format")
	assert.NotContains(t, usage.String(), "-runner", "the flag is hidden")

	o, err := c.parseFlags([]string{"-marker", "-json", "-v", "./..."}, []*analysis.Analyzer{marker}, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, []string{"-marker=true"}, o.settings)
}

// TestProfiles: -cpuprofile and -memprofile write pprof files (gzipped
// protocol buffers) and leave the outcome as it is.
func TestProfiles(t *testing.T) {
	dir := fixture(t)
	out := t.TempDir()
	cpu, mem := filepath.Join(out, "cpu.prof"), filepath.Join(out, "mem.prof")
	res := run(t, dir, "-cpuprofile", cpu, "-memprofile", mem, "./...")
	assert.Equal(t, ExitFindings, res.code, res.stderr)
	for _, name := range []string{cpu, mem} {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		require.Greater(t, len(data), 2)
		assert.Equal(t, []byte{0x1f, 0x8b}, data[:2], "%s is not a gzipped profile", name)
	}
}

func TestIsVetInvocation(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-flags"}, true},
		{[]string{"-V=full"}, true},
		{[]string{"/tmp/go-build1/b001/vet.cfg"}, true},
		{[]string{"-passthrough.allow=x", "-json", "/tmp/vet.cfg"}, true},
		{[]string{"./..."}, false},
		{[]string{"-V"}, false},
		{[]string{"./pkg", "x.cfg"}, false},
		{nil, false},
	} {
		assert.Equal(t, tc.want, IsVetInvocation(tc.args), "%q", tc.args)
	}
}

func TestVetWhole(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"/tmp/vet.cfg"}, true},
		{[]string{"-upstreamfacts.whole=false", "/tmp/vet.cfg"}, false},
		{[]string{"--upstreamfacts.whole=0", "-json", "/tmp/vet.cfg"}, false},
		{[]string{"-upstreamfacts.whole=false", "-upstreamfacts.whole", "/tmp/vet.cfg"}, true},
		{[]string{"-upstreamfacts.whole=maybe", "/tmp/vet.cfg"}, true}, // unitchecker says it is malformed
		{[]string{"-upstreamfacts.wholesale=false", "/tmp/vet.cfg"}, true},
	} {
		assert.Equal(t, tc.want, vetWhole(tc.args), "%q", tc.args)
	}
}

func TestGoVersionMismatch(t *testing.T) {
	msg, ok := goVersionMismatch([]string{
		"/x/a.go:3:1: undefined: y",
		"/m/main.go:1:1: package requires newer Go version go1.27 (application built with go1.26)",
	})
	require.True(t, ok)
	assert.Contains(t, msg, "these packages need a newer Go than the one upstreamlint was built with ("+runtime.Version()+")")
	assert.Contains(t, msg, "first error: /m/main.go:1:1: package requires newer Go version go1.27")

	msg, ok = goVersionMismatch([]string{"err: exit status 1: stderr: go: go.mod requires go >= 1.27 (running go 1.26.8; GOTOOLCHAIN=local)\n"})
	require.True(t, ok)
	assert.Contains(t, msg, "the module needs a newer Go than the go command here (go.mod requires go >= 1.27 (running go 1.26.8; GOTOOLCHAIN=local))")

	_, ok = goVersionMismatch([]string{"/x/a.go:3:1: undefined: y"})
	assert.False(t, ok, "other load errors are printed as they are")
}

func TestParseUnifiedZero(t *testing.T) {
	diff := `diff --git a/a.go b/a.go
index 1..2 100644
--- a/a.go
+++ b/a.go
@@ -3 +3 @@ package a
-x
+y
@@ -10,0 +11,2 @@ func f() {
+z
+w
@@ -20,3 +22,0 @@
-gone
diff --git a/old.go b/old.go
deleted file mode 100644
--- a/old.go
+++ /dev/null
@@ -1,2 +0,0 @@
-package a
-
diff --git "a/sp ace.go" "b/sp ace.go"
--- "a/sp ace.go"
+++ "b/sp ace.go"
@@ -1 +1 @@
-a
+b
`
	ch, err := parseUnifiedZero("/top", diff)
	require.NoError(t, err)
	assert.Equal(t, map[int]bool{3: true, 11: true, 12: true}, ch.lines["/top/a.go"])
	assert.Equal(t, map[int]bool{1: true}, ch.lines["/top/sp ace.go"])
	assert.NotContains(t, ch.lines, "/top/old.go")
	assert.True(t, ch.touches("/top/a.go", 10, 11))
	assert.False(t, ch.touches("/top/a.go", 13, 21))

	_, err = parseUnifiedZero("/top", "+++ b/a.go\n@@ -1 +x @@\n")
	assert.ErrorContains(t, err, "malformed hunk header")
}

// TestLoadErrorsOnce checks that a package that does not compile is
// named once, as go vet names it: the packages that import it, directly
// or not, add no "could not import" line.
func TestLoadErrorsOnce(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"go.mod":      "module example.com/broken\n\ngo 1.24\n",
		"a/a.go":      "package a\n\nfunc A() int { return 1 + }\n",
		"a/a_test.go": "package a\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) {}\n",
		"b/b.go":      "package b\n\nimport \"example.com/broken/a\"\n\nfunc B() int { return a.A() }\n",
		"main.go":     "package main\n\nimport \"example.com/broken/b\"\n\nfunc main() { println(b.B()) }\n",
	} {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
	}
	// types from source (the default): the parser's error, once for the
	// package and its test variant; from export data, the compiler's, as
	// the go command gives it (for the test variant too)
	for mode, want := range map[string]string{"source": "a/a.go:3:27: expected operand", "export": "a/a.go:3:27: syntax error"} {
		res := run(t, dir, "-types="+mode, "./...")
		assert.Equal(t, ExitError, res.code, res.stderr)
		lines := strings.Split(strings.TrimSuffix(res.stderr, "\n"), "\n")
		if mode == "export" && len(lines) == 4 {
			assert.Equal(t, "# example.com/broken/a [example.com/broken/a.test]", lines[2])
			assert.Equal(t, lines[1], lines[3])
			lines = lines[:2]
		}
		require.Len(t, lines, 2, "%s: the package's error alone: %s", mode, res.stderr)
		assert.Equal(t, "# example.com/broken/a", lines[0], mode)
		assert.True(t, strings.HasPrefix(lines[1], want), "%s: %s", mode, lines[1])
	}
}

// TestMemLimit: -memlimit takes GOMEMLIMIT's sizes, sets the runtime's
// soft limit for the run and restores it; a malformed size is a usage
// error naming it.
func TestMemLimit(t *testing.T) {
	for in, want := range map[string]int64{"1024": 1024, "512B": 512, "64KiB": 64 << 10, "300MiB": 300 << 20, "2GiB": 2 << 30, "1TiB": 1 << 40} {
		got, err := parseMemLimit(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "2GB", "2G", "-1MiB", "0", "1.5GiB", "99999999TiB"} {
		_, err := parseMemLimit(bad)
		assert.Error(t, err, bad)
	}

	before := debug.SetMemoryLimit(-1)
	res := run(t, fixture(t), "-memlimit=1GiB", "-test=false", "./app")
	assert.Equal(t, ExitFindings, res.code, res.stderr)
	assert.Equal(t, before, debug.SetMemoryLimit(-1), "the limit is the run's only")

	// Past half the limit, packages are analysed one at a time: with a
	// limit the heap is always past, every package analysed from source;
	// without one, none.
	re := regexp.MustCompile(`from source: (\d+) packages analysed one at a time`)
	res = run(t, fixture(t), "-memlimit=1MiB", "-debug.stats", "-test=false", "./app")
	assert.Equal(t, ExitFindings, res.code, res.stderr)
	m := re.FindStringSubmatch(res.stderr)
	require.NotNil(t, m, res.stderr)
	total := regexp.MustCompile(`from source: (\d+) packages, `).FindStringSubmatch(res.stderr)
	require.NotNil(t, total, res.stderr)
	assert.Equal(t, total[1], m[1], "every package analysed from source, one at a time")
	res = run(t, fixture(t), "-debug.stats", "-test=false", "./app")
	assert.Equal(t, ExitFindings, res.code, res.stderr)
	assert.NotRegexp(t, re, res.stderr)
	assert.Regexp(t, `from source: costliest +\S+  example.com/\S+ \(linted\)`, res.stderr, "the profile names the linted package")

	res = run(t, fixture(t), "-memlimit=2GB", "./app")
	assert.Equal(t, ExitUsage, res.code)
	assert.Contains(t, res.stderr, `invalid value "2GB" for flag -memlimit: malformed size "2GB"`)
}

// TestDedupVariantWords checks that a finding the test variant words
// otherwise (its test files add an implementation, say) is still one
// finding, the package's own: once per check and position.
func TestDedupVariantWords(t *testing.T) {
	worded := &analysis.Analyzer{
		Name: "marker",
		Doc:  "report calls of mark, worded by the files of the package",
		Run: func(pass *analysis.Pass) (any, error) {
			withTests := false
			for _, f := range pass.Files {
				if strings.HasSuffix(pass.Fset.File(f.FileStart).Name(), "_test.go") {
					withTests = true
				}
			}
			for _, f := range pass.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					if call, ok := n.(*ast.CallExpr); ok {
						if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "mark" {
							msg := "seen without the tests"
							if withTests {
								msg = "seen with the tests"
							}
							pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msg})
						}
					}
					return true
				})
			}
			return nil, nil
		},
	}
	dir := t.TempDir()
	for name, src := range map[string]string{
		"go.mod":         "module example.com/v\n\ngo 1.22\n",
		"v/v.go":         "package v\n\nfunc mark() {}\n\nfunc F() { mark() }\n",
		"v/v_test.go":    "package v\n\nimport \"testing\"\n\nfunc TestF(t *testing.T) { F() }\n",
		"other/other.go": "package other\n\nfunc mark() {}\n\nfunc G() { mark() }\n",
	} {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	res, err := analyzeChecker(dir, []string{"./..."}, []*analysis.Analyzer{worded}, nil, true, nil)
	require.NoError(t, err)
	var got []string
	for _, f := range res.findings {
		got = append(got, filepath.Base(f.at.File)+": "+f.diag.Message)
	}
	assert.Equal(t, []string{"other.go: seen without the tests", "v.go: seen without the tests"}, got)
}
