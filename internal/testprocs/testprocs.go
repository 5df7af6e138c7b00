// Package testprocs lets a test binary check, at its end, that no process
// it started (the command under test, go list, the compiles under it, go
// vet and its tool) outlives it.
//
// A process that outlives its parent is re-parented to init, so the
// process tree cannot find it once the test has ended. The environment
// can: Main marks this process's environment with a variable naming the
// test binary, every process started with os.Environ() (or with it
// extended, as the tests do) inherits it, and at the end Main reads
// /proc/PID/environ of every process for it.
package testprocs

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Var is the variable that marks the processes of a test binary: its
// value is the binary's process ID.
const Var = "UPSTREAMLINT_TEST_OWNER"

// grace is how long Main waits for processes that are ending (a compile
// that sees its go list gone) before it calls them left behind.
const grace = 20 * time.Second

// Main runs the tests, as TestMain does with m.Run, then fails the binary
// (exit code 1, with the processes named on stderr) if a process it
// started is still alive after a grace period; those processes are
// killed. It returns the exit code for os.Exit.
func Main(m *testing.M) int {
	self := strconv.Itoa(os.Getpid())
	os.Setenv(Var, self)
	code := m.Run()
	if runtime.GOOS != "linux" {
		return code // the check reads /proc
	}
	left := waitLeft(self, grace)
	if len(left) == 0 {
		return code
	}
	fmt.Fprintf(os.Stderr, "testprocs: %d processes started by this test binary are still running after it ended (killed now):\n", len(left))
	for _, p := range left {
		fmt.Fprintf(os.Stderr, "\t%d %s\n", p.PID, p.Cmd)
		syscall.Kill(p.PID, syscall.SIGKILL)
	}
	return 1
}

// A Proc is a running process: its ID and command line.
type Proc struct {
	PID int
	Cmd string
}

// waitLeft returns the processes marked as owner's that are still alive
// after at most wait (it returns as soon as there are none).
func waitLeft(owner string, wait time.Duration) []Proc {
	deadline := time.Now().Add(wait)
	for {
		left := Marked(owner)
		if len(left) == 0 || time.Now().After(deadline) {
			return left
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// Marked returns the live processes, other than this one, whose
// environment holds Var=owner. Zombies (ended, not yet reaped) are not
// alive.
func Marked(owner string) []Proc {
	want := []byte(Var + "=" + owner + "\x00")
	entries, _ := os.ReadDir("/proc")
	var out []Proc
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		env, err := os.ReadFile(filepath.Join("/proc", e.Name(), "environ"))
		if err != nil || !bytes.Contains(append([]byte{0}, env...), append([]byte{0}, want...)) {
			continue
		}
		if state(pid) == "Z" {
			continue
		}
		cmd, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		out = append(out, Proc{pid, strings.TrimSpace(strings.ReplaceAll(string(cmd), "\x00", " "))})
	}
	return out
}

// state returns the state letter of a process (R, S, Z, ...), or "".
func state(pid int) string {
	if fields := StatFields(pid); len(fields) > 0 {
		return fields[0]
	}
	return ""
}

// StatFields returns the fields of /proc/PID/stat after the command name
// (the state, the parent, ...), or nil when the process is gone.
func StatFields(pid int) []string {
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
