// Command benchrun runs a command and reports what it cost:
//
//	benchrun [-o file] command [args...]
//
// It prints (to file, or to stderr) one line
//
//	wall=<s> user=<s> sys=<s> maxrss_kib=<KiB> exit=<code>
//
// user and sys include every descendant the command waited for, and
// maxrss is the peak resident set of the largest process of the tree
// (Linux wait4 semantics). The command's stdin, stdout and stderr are
// inherited; benchrun exits with the command's exit code (125 if the
// command could not be started, 128+n if killed by signal n).
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

func main() {
	out := flag.String("o", "", "write the result line to this file instead of stderr")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: benchrun [-o file] command [args...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}

	cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)

	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(125)
	}
	ps := cmd.ProcessState
	code := ps.ExitCode()
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		code = 128 + int(ws.Signal())
	}
	var maxrss int64
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		maxrss = int64(ru.Maxrss) // KiB on Linux
	}
	line := fmt.Sprintf("wall=%.3f user=%.3f sys=%.3f maxrss_kib=%d exit=%d\n",
		wall.Seconds(), ps.UserTime().Seconds(), ps.SystemTime().Seconds(), maxrss, code)

	if *out == "" {
		os.Stderr.WriteString(line)
	} else if err := os.WriteFile(*out, []byte(line), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(125)
	}
	os.Exit(code)
}
