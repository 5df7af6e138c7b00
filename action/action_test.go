// Package action_test runs the GitHub Action's script, scripts/action.sh
// (action.yml's work), as the action runs it, on throw-away git
// repositories: SARIF for code scanning, and annotations of a pull
// request's new findings.
package action_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/upstreamlint/upstreamlint/internal/testprocs"
	"github.com/upstreamlint/upstreamlint/internal/testrepo"
)

// gobin is where the script installs upstreamlint, shared by the tests:
// after the first, go install finds the binary up to date.
var gobin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "upstreamlint-action")
	if err != nil {
		panic(err)
	}
	gobin = dir
	code := testprocs.Main(m) // and no process the tests started outlives them
	os.RemoveAll(dir)
	os.Exit(code)
}

const goMod = "module example.com/svc\n\ngo 1.26\n"

type result struct {
	stdout, stderr string
	code           int
	outputs        map[string]string // what the script wrote to GITHUB_OUTPUT
}

// runAction runs the script in dir with the action's inputs and GitHub's
// variables in env, and nothing of the GitHub environment the test may
// itself run in.
func runAction(t *testing.T, dir string, env ...string) result {
	t.Helper()
	for _, tool := range []string{"bash", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s: %v", tool, err)
		}
	}
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	outputs := filepath.Join(t.TempDir(), "github-output")
	require.NoError(t, os.WriteFile(outputs, nil, 0o644))

	cmd := exec.Command("bash", filepath.Join(root, "scripts", "action.sh"))
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GITHUB_") && !strings.HasPrefix(kv, "INPUT_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env,
		"GOBIN="+gobin,
		"GOWORK=off",
		"UPSTREAMLINT_CACHE=off",
		"GITHUB_ACTION_PATH="+root,
		"GITHUB_OUTPUT="+outputs,
	)
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	res := result{stdout: stdout.String(), stderr: stderr.String(), outputs: map[string]string{}}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		res.code = exit.ExitCode()
	} else {
		require.NoError(t, err)
	}
	b, err := os.ReadFile(outputs)
	require.NoError(t, err)
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			res.outputs[k] = v
		}
	}
	return res
}

// sarifLog is what the tests read of a SARIF file.
type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct{ Name, Version string }
		}
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		Results            []struct {
			RuleID    string
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string
						URIBaseID string `json:"uriBaseId"`
					}
				}
			}
		}
	}
}

// readSARIF validates the file against the SARIF 2.1.0 schema, as the
// driver's tests do, and decodes it.
func readSARIF(t *testing.T, path string) sarifLog {
	t.Helper()
	f, err := os.Open("../driver/testdata/sarif-schema-2.1.0.json")
	require.NoError(t, err)
	defer f.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	require.NoError(t, c.AddResource("sarif-schema-2.1.0.json", schemaDoc))
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	require.NoError(t, err)

	data, err := os.ReadFile(path)
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	require.NoError(t, schema.Validate(doc))
	var log sarifLog
	require.NoError(t, json.Unmarshal(data, &log))
	require.Len(t, log.Runs, 1)
	return log
}

func resultFiles(log sarifLog) []string {
	var files []string
	for _, r := range log.Runs[0].Results {
		loc := r.Locations[0].PhysicalLocation.ArtifactLocation
		files = append(files, r.RuleID+" "+loc.URIBaseID+" "+loc.URI)
	}
	return files
}

// TestPullRequest: a branch adds a handler with a finding to a base that
// has two. SARIF mode reports all three and exits 0; annotations mode, on
// a pull_request event, annotates the new one alone and fails the step.
func TestPullRequest(t *testing.T) {
	if testing.Short() {
		t.Skip("installs upstreamlint and runs the action on git repositories: skipped in -short mode")
	}
	base := testrepo.New(t, map[string]string{"go.mod": goMod, "main.go": testrepo.OldHandler})
	dir := filepath.Join(t.TempDir(), "clone")
	testrepo.Git(t, base, "clone", "-q", base, dir)
	testrepo.Git(t, dir, "checkout", "-q", "-b", "topic")
	testrepo.WriteFiles(t, dir, map[string]string{"added.go": testrepo.AddedFile})
	testrepo.Git(t, dir, "add", "-A")
	testrepo.Git(t, dir, "commit", "-q", "-m", "add a handler")

	res := runAction(t, dir, "INPUT_MODE=sarif")
	require.Equal(t, 0, res.code, "findings do not fail the SARIF step: %s", res.stderr)
	assert.Regexp(t, `(?m)^upstreamlint version \S+$`, res.stderr, "the script says what it runs")
	sarif := filepath.Join(dir, "upstreamlint.sarif")
	assert.Equal(t, map[string]string{"sarif-file": sarif, "category": "upstreamlint"}, res.outputs)
	log := readSARIF(t, sarif)
	assert.Equal(t, "upstreamlint", log.Runs[0].Tool.Driver.Name)
	assert.ElementsMatch(t, []string{
		"leak %SRCROOT% main.go",
		"passthrough %SRCROOT% main.go",
		"passthrough %SRCROOT% added.go",
	}, resultFiles(log))

	// The event's variables as GitHub sets them; the base branch's remote
	// ref is fetched when the checkout lacks it.
	testrepo.Git(t, dir, "update-ref", "-d", "refs/remotes/origin/main")
	pr := []string{"INPUT_MODE=annotations", "GITHUB_EVENT_NAME=pull_request", "GITHUB_BASE_REF=main", "GITHUB_HEAD_REF=topic"}
	res = runAction(t, dir, pr...)
	require.Equal(t, 3, res.code, "new findings fail the annotations step: %s", res.stderr)
	lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
	require.Len(t, lines, 1, "the new finding alone:\n%s", res.stdout)
	assert.True(t, strings.HasPrefix(lines[0], "::error file=added.go,line=11,col=16,"), lines[0])
	assert.Contains(t, lines[0], ",title=upstreamlint (passthrough)::upstream status resp.StatusCode is forwarded")
	assert.Contains(t, res.stderr, "fetching origin/main")

	// Pushed to main, not a pull request: every finding.
	res = runAction(t, dir, "INPUT_MODE=annotations", "GITHUB_EVENT_NAME=push")
	require.Equal(t, 3, res.code, res.stderr)
	assert.Equal(t, 3, strings.Count(res.stdout, "::error file="), res.stdout)

	// A pull request that changes no handler: clean, exit 0.
	testrepo.Git(t, dir, "checkout", "-q", "-b", "docs", "main")
	testrepo.WriteFiles(t, dir, map[string]string{"README": "docs\n"})
	res = runAction(t, dir, pr...)
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Empty(t, res.stdout)
}

// TestSubdirectory: a module in a subdirectory of the repository. GitHub
// wants paths relative to the repository, upstreamlint writes them
// relative to the module: the script prefixes them.
func TestSubdirectory(t *testing.T) {
	if testing.Short() {
		t.Skip("installs upstreamlint and runs the action on git repositories: skipped in -short mode")
	}
	dir := testrepo.New(t, map[string]string{"svc/go.mod": goMod, "svc/main.go": testrepo.OldHandler})

	res := runAction(t, dir, "INPUT_MODE=annotations", "INPUT_WORKING_DIRECTORY=svc", "INPUT_ARGS=-leak=false")
	require.Equal(t, 3, res.code, res.stderr)
	lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
	require.Len(t, lines, 1, "-leak=false leaves the passthrough:\n%s", res.stdout)
	assert.True(t, strings.HasPrefix(lines[0], "::error file=svc/main.go,line=15,col=16,"), lines[0])

	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("no jq, which the script needs for SARIF in a subdirectory")
	}
	res = runAction(t, dir, "INPUT_WORKING_DIRECTORY=svc")
	require.Equal(t, 0, res.code, res.stderr)
	sarif := filepath.Join(dir, "svc", "upstreamlint.sarif")
	assert.Equal(t, map[string]string{"sarif-file": sarif, "category": "upstreamlint:svc"}, res.outputs)
	log := readSARIF(t, sarif)
	assert.ElementsMatch(t, []string{
		"leak %SRCROOT% svc/main.go",
		"passthrough %SRCROOT% svc/main.go",
	}, resultFiles(log))
	root := log.Runs[0].OriginalURIBaseIDs["%SRCROOT%"].URI
	assert.True(t, strings.HasPrefix(root, "file:///") && strings.HasSuffix(root, "/"+filepath.Base(dir)+"/"), "%%SRCROOT%% is the repository: %s", root)
}

// TestBadInput: a mode the action does not know is a usage error.
func TestBadInput(t *testing.T) {
	dir := testrepo.New(t, map[string]string{"go.mod": goMod, "main.go": testrepo.OldHandler})
	res := runAction(t, dir, "INPUT_MODE=loud")
	assert.Equal(t, 2, res.code, res.stderr)
	assert.Contains(t, res.stderr, `mode is sarif or annotations, not "loud"`)
}

// TestActionInputs: action.yml hands every input the script reads to it
// as INPUT_NAME, with the defaults the script assumes, and calls it.
func TestActionInputs(t *testing.T) {
	data, err := os.ReadFile("../action.yml")
	require.NoError(t, err)
	var action struct {
		Inputs map[string]struct {
			Default string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Using string `yaml:"using"`
			Steps []struct {
				ID   string            `yaml:"id"`
				Run  string            `yaml:"run"`
				Uses string            `yaml:"uses"`
				If   string            `yaml:"if"`
				Env  map[string]string `yaml:"env"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	require.NoError(t, yaml.Unmarshal(data, &action))
	assert.Equal(t, "composite", action.Runs.Using)
	script, err := os.ReadFile("../scripts/action.sh")
	require.NoError(t, err)

	var env map[string]string
	for _, s := range action.Runs.Steps {
		if s.ID == "run" {
			assert.Equal(t, `bash "${{ github.action_path }}/scripts/action.sh"`, s.Run)
			env = s.Env
		}
	}
	require.NotNil(t, env, "the step that runs the script")
	defaults := map[string]string{"version": "", "working-directory": ".", "packages": "./...", "mode": "sarif", "args": ""}
	for name, want := range defaults {
		in, ok := action.Inputs[name]
		require.True(t, ok, name)
		assert.Equal(t, want, in.Default, name)
		v := "INPUT_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
		assert.Equal(t, "${{ inputs."+name+" }}", env[v], v)
		assert.Contains(t, string(script), "${"+v+":-"+want+"}", "the script's default for %s", v)
		delete(env, v)
	}
	assert.Empty(t, env, "variables the script does not read")
	for _, name := range []string{"upload", "cache"} {
		assert.Equal(t, "true", action.Inputs[name].Default, name)
	}
}
