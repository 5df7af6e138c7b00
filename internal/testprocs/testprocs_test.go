package testprocs

import (
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMarked: a process started with the mark in its environment is found
// while it runs, with its command line, and not once it has ended; a
// process with another owner's mark is not.
func TestMarked(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	owner := "t" + strconv.Itoa(os.Getpid())
	mine := exec.Command("sleep", "60")
	mine.Env = append(os.Environ(), Var+"="+owner)
	other := exec.Command("sleep", "61")
	other.Env = append(os.Environ(), Var+"="+owner+"0")
	require.NoError(t, mine.Start())
	require.NoError(t, other.Start())
	t.Cleanup(func() { other.Process.Kill(); other.Wait() })

	got := Marked(owner)
	require.Len(t, got, 1)
	assert.Equal(t, mine.Process.Pid, got[0].PID)
	assert.Equal(t, "sleep 60", got[0].Cmd)

	require.NoError(t, mine.Process.Kill())
	// killed but not reaped: a zombie is not alive
	time.Sleep(100 * time.Millisecond)
	assert.Empty(t, Marked(owner))
	mine.Wait()
	assert.Empty(t, waitLeft(owner, time.Second))
}

// TestWaitLeft: a process that ends within the grace period is not left
// behind; one that does not is.
func TestWaitLeft(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	owner := "w" + strconv.Itoa(os.Getpid())
	short := exec.Command("sleep", "0.5")
	short.Env = append(os.Environ(), Var+"="+owner)
	require.NoError(t, short.Start())
	go short.Wait()
	assert.Empty(t, waitLeft(owner, 5*time.Second))

	long := exec.Command("sleep", "60")
	long.Env = append(os.Environ(), Var+"="+owner)
	require.NoError(t, long.Start())
	t.Cleanup(func() { long.Process.Kill(); long.Wait() })
	left := waitLeft(owner, time.Second)
	require.Len(t, left, 1)
	assert.Equal(t, long.Process.Pid, left[0].PID)
}
