// Package testrepo holds what the tests that write modules and git
// repositories share: writing and appending to files, running git, a
// repository with one commit, and the handlers that -new-from-rev and the
// GitHub Action are tested on. It is imported only by tests.
package testrepo

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// OldHandler is a main package whose handler has a leak (line 11) and a
// passthrough (line 15): the code a branch starts from.
const OldHandler = `package main

import "net/http"

var client = &http.Client{}

func old(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://users.internal/me")
	if err != nil {
		// a comment
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}

func main() { http.HandleFunc("/", old) }
`

// AddedHandler is a handler added later, with a passthrough on its last
// line; AddedFile is the same in a file of its own (line 11).
const AddedHandler = `
func added(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://orders.internal/")
	if err != nil {
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}
`

// AddedFile is AddedHandler in a file of its own.
const AddedFile = "package main\n\nimport \"net/http\"\n" + AddedHandler

// WriteFiles writes files (by slash-separated name) under dir.
func WriteFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
}

// AppendFile appends text to the file name.
func AppendFile(t testing.TB, name, text string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteString(text)
	require.NoError(t, err)
	require.NoError(t, f.Close())
}

// Git runs git in dir, as a committer of its own and without signing,
// and returns its trimmed output; a failure fails the test.
func Git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "git %v: %s", args, out)
	return strings.TrimSpace(string(out))
}

// New makes a repository whose main branch has one commit of files.
func New(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	WriteFiles(t, dir, files)
	Init(t, dir)
	return dir
}

// Init makes dir a repository whose main branch has one commit of what
// it holds.
func Init(t testing.TB, dir string) {
	t.Helper()
	Git(t, dir, "init", "-q", "-b", "main")
	Git(t, dir, "add", "-A")
	Git(t, dir, "commit", "-q", "-m", "first")
}
