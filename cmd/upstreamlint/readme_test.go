package main_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/upstreamlint/upstreamlint/internal/testrepo"
)

// readmeCommands are the commands README.md shows, each with the exit
// status it has on the example service (a copy of examples/ in a git
// repository of its own, with the command installed on PATH). where is
// "root" for the commands run from a clone of this repository.
var readmeCommands = map[string]struct {
	code  int
	where string // "root": a clone of this repository; "copy": a copy of its own (the command edits files); else a copy shared with the others
}{
	"go build -o bin/upstreamlint ./cmd/upstreamlint && (cd examples && ../bin/upstreamlint ./...)": {3, "root"},
	"go install ./cmd/upstreamlint": {0, "root"},
	"go test ./leak -case=gin":      {0, "root"},

	"upstreamlint ./...":                                                 {3, ""},
	"upstreamlint -json ./...":                                           {3, ""},
	"upstreamlint -format=sarif ./...":                                   {3, ""},
	"upstreamlint -format=github ./...":                                  {3, ""},
	"upstreamlint -format=rdjson ./...":                                  {3, ""},
	"upstreamlint -exit-zero -format=sarif ./...":                        {0, ""},
	"upstreamlint -fix -diff ./...":                                      {3, ""},
	"upstreamlint -fix ./...":                                            {0, "copy"}, // every finding of the example has a fix
	"upstreamlint -c 2 ./...":                                            {3, ""},
	"upstreamlint -abs ./...":                                            {3, ""},
	"upstreamlint -test=false ./...":                                     {3, ""},
	"upstreamlint -passthrough ./...":                                    {3, ""},
	"upstreamlint -new-from-rev=HEAD ./...":                              {0, ""}, // nothing changed since HEAD
	"upstreamlint -baseline=FILE ./...":                                  {0, ""}, // FILE records every finding (below)
	"upstreamlint -v ./...":                                              {3, ""},
	"upstreamlint -memlimit=2GiB ./...":                                  {3, ""},
	"upstreamlint -types=source ./...":                                   {3, ""},
	"upstreamlint -q ./...":                                              {3, ""},
	"upstreamlint -debug.stats ./...":                                    {3, ""},
	"UPSTREAMLINT_CACHE=off upstreamlint ./...":                          {3, ""},
	"upstreamlint -V":                                                    {0, ""},
	"upstreamlint help passthrough":                                      {0, ""},
	"upstreamlint -new-from-rev=origin/main ./...":                       {0, ""},
	"upstreamlint -new-from-merge-base=origin/main ./...":                {0, ""},
	"upstreamlint -write-baseline=upstreamlint-baseline.json ./...":      {0, ""},
	"upstreamlint -baseline=upstreamlint-baseline.json ./...":            {0, ""},
	"upstreamlint -baseline=upstreamlint-baseline.json -v ./...":         {0, ""},
	"upstreamlint -format=sarif -exit-zero ./... > upstreamlint.sarif":   {0, ""},
	"upstreamlint -format=github -new-from-merge-base=origin/main ./...": {0, ""}, // nothing changed since the merge base
	"upstreamlint ./... > findings.txt":                                  {3, ""},
	"upstreamlint -diff ./... | git apply":                               {0, "copy"},
	"go vet -vettool=$(which upstreamlint) ./...":                        {1, ""}, // go vet fails on findings
	"go fix -fixtool=$(which upstreamlint) ./...":                        {0, "copy"},
	"go vet -vettool=$(which upstreamlint) -fix ./...":                   {0, "copy"},
}

// readmeNotRun are the README's commands this test does not run, and why.
var readmeNotRun = map[string]string{
	"go test -timeout=30m ./...":           "the test suite itself",
	"go test -short ./...":                 "a part of the test suite itself",
	"go test ./checks -fuzz FuzzAnalyzers": "fuzzing runs until it is stopped",
	"go vet ./...":                         ".ci/run runs it",
	"go install github.com/upstreamlint/upstreamlint/cmd/upstreamlint@latest":                                       "needs the published module from the proxy, which a clone does not have",
	"GOTOOLCHAIN=go1.27.3 go install github.com/upstreamlint/upstreamlint/cmd/upstreamlint@latest":                  "needs the published module from the proxy, which a clone does not have",
	"(cd /path/to/your/module && /path/to/bin/upstreamlint ./...)":                                                  "placeholders for the reader's paths",
	"upstreamlint -format=rdjson -exit-zero ./... | reviewdog -f=rdjson -reporter=github-pr-review -fail-level=any": "reviewdog and a pull request are not here; TestRDJSONFormat checks the input",
}

// commandSpan is an inline code span that is a whole command: it starts
// with a command this project documents and names a directory or
// packages (./), a version (@v) or a subshell.
var commandSpan = regexp.MustCompile("`((?:[A-Z_]+=\\S+ )?(?:upstreamlint|go (?:build|install|test|vet|fix|run)) [^`]*(?:\\./|@[^`\\s]+|\\))[^`]*|\\(cd [^`]*)`")

// trailingComment is a shell comment after a command.
var trailingComment = regexp.MustCompile(`\s+#\s`)

// baselineFlag is -baseline=FILE in a command.
var baselineFlag = regexp.MustCompile(`(?:^| )-baseline=(\S+)`)

// readmeCommandLines extracts the commands of README.md: every line of a
// ```sh block (comments stripped) and every inline command.
func readmeCommandLines(t *testing.T, readme string) []string {
	var out []string
	seen := make(map[string]bool)
	add := func(c string) {
		c = strings.TrimSpace(c)
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	fence := regexp.MustCompile("(?s)```sh\n(.*?)```")
	for _, m := range fence.FindAllStringSubmatch(readme, -1) {
		for _, line := range strings.Split(m[1], "\n") {
			line = strings.TrimSpace(line)
			if strings.HasPrefix(line, "#") {
				continue
			}
			if loc := trailingComment.FindStringIndex(line); loc != nil {
				line = line[:loc[0]]
			}
			add(line)
		}
	}
	for _, m := range commandSpan.FindAllStringSubmatch(readme, -1) {
		add(m[1])
	}
	require.NotEmpty(t, out)
	return out
}

// TestREADMECommands runs every command README.md shows, as a user would
// type it, and checks its exit status: none can rot unseen. A command
// added to the README must be added here, with its status or the reason
// it is not run.
func TestREADMECommands(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every README command (about a minute)")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	commands := readmeCommandLines(t, string(readme))

	listed := make(map[string]bool)
	for _, c := range commands {
		listed[c] = true
		_, run := readmeCommands[c]
		_, skip := readmeNotRun[c]
		assert.True(t, run || skip, "README command %q: add it to readmeCommands (with its exit status) or readmeNotRun (with why)", c)
	}
	for c := range readmeCommands {
		assert.True(t, listed[c], "readmeCommands has %q, which README.md no longer shows", c)
	}
	for c := range readmeNotRun {
		assert.True(t, listed[c], "readmeNotRun has %q, which README.md no longer shows", c)
	}

	// "go install ./cmd/upstreamlint" installs into gobin, which is on
	// PATH for every command after it (as the README asks)
	gobin := t.TempDir()
	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOBIN="+gobin,
		"PATH="+gobin+string(os.PathListSeparator)+os.Getenv("PATH"))
	shell := func(dir, command string) (int, string) {
		cmd := exec.Command("bash", "-c", command) // as typed: a pipeline's status is its last command's
		cmd.Dir, cmd.Env = dir, env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode(), out.String()
		}
		require.NoError(t, err)
		return 0, out.String()
	}
	code, out := shell(root, "go install ./cmd/upstreamlint")
	require.Equal(t, 0, code, out)

	shared := exampleRepo(t)
	for _, c := range commands {
		want, ok := readmeCommands[c]
		if !ok {
			continue
		}
		t.Run(c, func(t *testing.T) {
			dir := shared
			switch want.where {
			case "root":
				dir = root
			case "copy":
				dir = exampleRepo(t)
			}
			if m := baselineFlag.FindStringSubmatch(c); m != nil {
				// a baseline that records every finding
				code, out := shell(dir, "upstreamlint -write-baseline="+m[1]+" ./...")
				require.Equal(t, 0, code, out)
			}
			t.Logf("%s (in %s)", c, dir)
			code, out := shell(dir, c)
			assert.Equal(t, want.code, code, "%s\n%s", c, out)
			assert.NotContains(t, out, "flag provided but not defined")
			assert.NotContains(t, out, "panic")
		})
	}
}

// exampleRepo copies the example service into a git repository of its
// own, committed on main, with origin/main at the same commit.
func exampleRepo(t *testing.T) string {
	t.Helper()
	dir := copyTree(t, examples(t))
	testrepo.Init(t, dir)
	testrepo.Git(t, dir, "update-ref", "refs/remotes/origin/main", "HEAD")
	return dir
}
