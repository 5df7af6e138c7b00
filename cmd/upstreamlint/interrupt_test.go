package main_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/upstreamlint/upstreamlint/internal/testprocs"
)

// TestInterruptEndsChildren: SIGTERM during go list (with an empty build
// cache, go list -export is compiling) ends the run with 143 and ends
// every process it started. Killed before, the go list went on compiling
// on its own, re-parented to init, for minutes.
func TestInterruptEndsChildren(t *testing.T) {
	slow(t)
	if runtime.GOOS != "linux" {
		t.Skip("reads the process tree from /proc")
	}
	cmd := exec.Command(bin, "./...")
	cmd.Dir = examples(t)
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOCACHE="+t.TempDir(), "UPSTREAMLINT_CACHE=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())

	// wait for a compile under go list
	var started []int
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		started = descendants(cmd.Process.Pid)
		if len(started) >= 2 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	require.GreaterOrEqual(t, len(started), 2, "go list and a compile under it")
	t.Logf("%d processes under the run; SIGTERM", len(started))

	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	err := cmd.Wait()
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "%v", err)
	assert.Equal(t, 143, exit.ExitCode(), stderr.String())
	assert.Contains(t, stderr.String(), "upstreamlint: interrupted")

	// go list has ended when the run returns; its compiles, once they see
	// it gone
	assert.Empty(t, alive(started, 15*time.Second), "processes of the run still alive after it ended")
}

// TestInterruptDuringAnalysis: SIGTERM while packages are being analysed
// (go list has ended, the results cache is filling) ends the run with
// 143, soon, with no process of it left; the cache stays whole: the next
// run reads from it what the killed run wrote and gives the findings of
// a run without the cache.
func TestInterruptDuringAnalysis(t *testing.T) {
	slow(t)
	if runtime.GOOS != "linux" {
		t.Skip("reads the process tree from /proc")
	}
	dir := copyTree(t, "testdata/layered")
	t.Setenv("UPSTREAMLINT_CACHE", "off")
	ref := run(t, dir, bin, "-json", "./...") // and go list has run cgo on std once
	require.Equal(t, 3, ref.code, ref.stderr)
	want := jsonFindings(t, dir, ref.stdout)

	cache := t.TempDir()
	cmd, exited, _, stderr := startRun(t, dir, []string{"UPSTREAMLINT_CACHE=" + cache}, "-json", "./...")

	// wait for the third entry of the results cache: analysis is under way
	var started []int
	deadline := time.Now().Add(60 * time.Second)
	for len(cacheEntries(t, cache)) < 3 {
		select {
		case err := <-exited:
			t.Fatalf("the run ended (%v) before it wrote three cache entries: %s", err, stderr.String())
		default:
		}
		require.True(t, time.Now().Before(deadline), "no cache entry written in 60 s")
		started = append(started, descendants(cmd.Process.Pid)...)
		time.Sleep(5 * time.Millisecond)
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	signalled := time.Now()
	var err error
	select {
	case err = <-exited:
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the run did not end within 60 s of SIGTERM")
	}
	entries := cacheEntries(t, cache)
	t.Logf("ended %v after SIGTERM, %d entries in the cache", time.Since(signalled).Round(time.Millisecond), len(entries))
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "%v", err)
	assert.Equal(t, 143, exit.ExitCode(), stderr.String())
	assert.Contains(t, stderr.String(), "upstreamlint: interrupted")
	assert.Empty(t, alive(started, 15*time.Second), "processes of the run still alive after it ended")
	assert.Empty(t, cacheFiles(t, cache, "tmp-"), "no temporary file left")
	for _, e := range entries {
		data, err := os.ReadFile(e)
		require.NoError(t, err)
		sum, body, ok := bytes.Cut(data, []byte("\n"))
		h := sha256.Sum256(body)
		assert.True(t, ok && string(sum) == hex.EncodeToString(h[:]), "%s is whole (its content has the hash it begins with)", e)
	}

	t.Setenv("UPSTREAMLINT_CACHE", cache)
	again := run(t, dir, bin, "-v", "-json", "./...")
	require.Equal(t, 3, again.code, again.stderr)
	assert.Equal(t, want, jsonFindings(t, dir, again.stdout), "the cache the killed run left")
	m := regexp.MustCompile(`(\d+) read from the cache`).FindStringSubmatch(again.stderr)
	require.NotNil(t, m, again.stderr)
	hits, _ := strconv.Atoi(m[1])
	assert.Equal(t, len(entries), hits, "the killed run's entries are read: %s", again.stderr)
}

// TestInterruptDuringFix: SIGTERM at moments spread over a -fix run (from
// the results cache, so most of it is go list, then planning and writing
// the fixes) leaves every file either as it was or as an uninterrupted
// -fix writes it, no temporary file, and no process of the run. The
// moment of a signal cannot be aimed at the writing itself, which takes
// milliseconds: the outcomes are logged. A signal once the writes have
// begun lets them end (each file is renamed into place whole); driver's
// tests cover writes that fail half-way.
func TestInterruptDuringFix(t *testing.T) {
	slow(t)
	if runtime.GOOS != "linux" {
		t.Skip("reads the process tree from /proc")
	}
	dir := copyTree(t, "testdata/layered")
	t.Setenv("UPSTREAMLINT_CACHE", t.TempDir())
	orig := treeFiles(t, dir)
	// restore puts the files back as they were (the cache's keys name the
	// files and hash their content: the same directory, the same entries)
	restore := func() {
		for name := range treeFiles(t, dir) {
			if _, ok := orig[name]; !ok {
				require.NoError(t, os.Remove(filepath.Join(dir, name)))
			}
		}
		for name, content := range orig {
			require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
		}
	}
	res := run(t, dir, bin, "-fix", "./...")
	require.NotEqual(t, 1, res.code, res.stderr)
	fixed := treeFiles(t, dir)
	changed := 0
	for name := range orig {
		if orig[name] != fixed[name] {
			changed++
		}
	}
	require.Positive(t, changed, "-fix changes files of the module")
	// how long a run from the cache takes, its files just restored (as
	// below: go list hashes them again)
	var took time.Duration
	for range 3 {
		restore()
		begin := time.Now()
		res = run(t, dir, bin, "-fix", "./...") // every package from the cache
		took = max(took, time.Since(begin))
		require.NotEqual(t, 1, res.code, res.stderr)
		require.Equal(t, fixed, treeFiles(t, dir))
	}
	t.Logf("-fix changes %d files; a run from the cache takes up to %v", changed, took.Round(time.Millisecond))

	outcomes := make(map[string]int)
	const steps = 12
	for i := 1; i <= steps; i++ {
		restore()
		cmd, exited, _, stderr := startRun(t, dir, nil, "-fix", "./...")
		var started []int
		delay := took * time.Duration(i) * 3 / (2 * steps) // the last ones after the run
		for until := time.Now().Add(delay); time.Now().Before(until); time.Sleep(2 * time.Millisecond) {
			started = append(started, descendants(cmd.Process.Pid)...)
		}
		cmd.Process.Signal(syscall.SIGTERM) // an error: it has ended
		var err error
		select {
		case err = <-exited:
		case <-time.After(60 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("signal %d: the run did not end within 60 s of SIGTERM", i)
		}
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		}
		assert.Contains(t, []int{0, 3, 143}, code, "signal %d: %s", i, stderr.String())
		got := treeFiles(t, dir)
		news := 0
		for name, content := range got {
			was, inOrig := orig[name]
			fix, inFixed := fixed[name]
			switch {
			case inFixed && content == fix:
				if !inOrig || content != was {
					news++
				}
			case inOrig && content == was:
			case !inOrig && !inFixed:
				t.Errorf("signal %d after %v: %s is left (a temporary file?)", i, delay, name)
			default:
				t.Errorf("signal %d after %v: %s is neither as it was nor as -fix writes it", i, delay, name)
			}
		}
		for name := range orig {
			_, ok := got[name]
			assert.True(t, ok, "signal %d: %s is lost", i, name)
		}
		assert.Empty(t, alive(started, 15*time.Second), "signal %d: processes of the run still alive", i)
		switch {
		case code != 143:
			outcomes["ended before the signal"]++
		case news == 0:
			outcomes["interrupted, no fix applied"]++
			assert.Contains(t, stderr.String(), "upstreamlint: interrupted", "signal %d", i)
		default:
			outcomes["interrupted, fixes written whole"]++
		}
	}
	t.Logf("outcomes of %d signals: %v", steps, outcomes)
}

// startRun starts the command in dir, in run's environment and env, and
// returns it, a channel that gets what its Wait returns, and its stdout
// and stderr.
func startRun(t *testing.T, dir string, env []string, args ...string) (*exec.Cmd, <-chan error, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod"), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Start())
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	return cmd, exited, &stdout, &stderr
}

// alive returns those of pids that are still running after at most wait
// (a compile ends once it sees its go list gone).
func alive(pids []int, wait time.Duration) []int {
	deadline := time.Now().Add(wait)
	for {
		var out []int
		seen := make(map[int]bool)
		for _, pid := range pids {
			if seen[pid] {
				continue
			}
			seen[pid] = true
			if _, err := os.Stat(filepath.Join("/proc", strconv.Itoa(pid))); err == nil && !zombie(pid) {
				out = append(out, pid)
			}
		}
		if len(out) == 0 || time.Now().After(deadline) {
			return out
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// cacheEntries returns the entries of a results cache (files named
// KEY-e).
func cacheEntries(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, f := range cacheFiles(t, dir, "") {
		if strings.HasSuffix(f, "-e") {
			out = append(out, f)
		}
	}
	return out
}

// cacheFiles returns the files under dir whose names begin with prefix.
func cacheFiles(t *testing.T, dir, prefix string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasPrefix(d.Name(), prefix) {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// treeFiles returns the files under dir by relative path, with their
// content.
func treeFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := make(map[string]string)
	require.NoError(t, filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	}))
	return files
}

// descendants returns the processes under pid, from /proc.
func descendants(pid int) []int {
	children := make(map[int][]int)
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if ppid := parent(p); ppid > 0 {
			children[ppid] = append(children[ppid], p)
		}
	}
	var out []int
	seen := map[int]bool{pid: true}
	queue := []int{pid}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, c := range children[p] {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
				queue = append(queue, c)
			}
		}
	}
	return out
}

// parent returns the parent of a process, or 0.
func parent(pid int) int {
	fields := testprocs.StatFields(pid)
	if len(fields) < 2 {
		return 0
	}
	ppid, _ := strconv.Atoi(fields[1])
	return ppid
}

// zombie reports whether a process has ended and waits to be reaped.
func zombie(pid int) bool {
	fields := testprocs.StatFields(pid)
	return len(fields) > 0 && fields[0] == "Z"
}
