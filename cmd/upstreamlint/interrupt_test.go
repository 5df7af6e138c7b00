package main_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	deadline = time.Now().Add(15 * time.Second)
	var alive []int
	for {
		alive = alive[:0]
		for _, pid := range started {
			if _, err := os.Stat(filepath.Join("/proc", strconv.Itoa(pid))); err == nil && !zombie(pid) {
				alive = append(alive, pid)
			}
		}
		if len(alive) == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	assert.Empty(t, alive, "processes of the run still alive after it ended")
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
	fields := statFields(pid)
	if len(fields) < 2 {
		return 0
	}
	ppid, _ := strconv.Atoi(fields[1])
	return ppid
}

// zombie reports whether a process has ended and waits to be reaped.
func zombie(pid int) bool {
	fields := statFields(pid)
	return len(fields) > 0 && fields[0] == "Z"
}

// statFields returns the fields of /proc/PID/stat after the command name:
// the state, the parent, ...
func statFields(pid int) []string {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return nil
	}
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return nil
	}
	return strings.Fields(s[i+1:])
}
