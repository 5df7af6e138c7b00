package upstreamlint_test

import (
	"os"
	"testing"

	"github.com/upstreamlint/upstreamlint/internal/testprocs"
)

// TestMain fails the package's tests if a process they started (go list,
// compiles, golangci-lint, go vet) outlives them.
func TestMain(m *testing.M) { os.Exit(testprocs.Main(m)) }
