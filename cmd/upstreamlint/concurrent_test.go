package main_test

import (
	"regexp"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConcurrentRuns: four runs on one module at once, sharing an empty
// results cache (an editor and pre-commit, or CI jobs that share
// GOCACHE), each give the complete findings of a run without the cache,
// and leave the cache whole: a fifth run reads every package from it and
// gives them again.
func TestConcurrentRuns(t *testing.T) {
	slow(t)
	dir := copyTree(t, "testdata/layered")
	t.Setenv("UPSTREAMLINT_CACHE", "off")
	ref := run(t, dir, bin, "-json", "./...")
	require.Equal(t, 3, ref.code, ref.stderr)
	want := jsonFindings(t, dir, ref.stdout)
	require.NotEmpty(t, want)

	t.Setenv("UPSTREAMLINT_CACHE", t.TempDir())
	const n = 4
	results := make([]result, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = run(t, dir, bin, "-json", "./...")
		}()
	}
	wg.Wait()
	for i, res := range results {
		assert.Equal(t, 3, res.code, "run %d: %s", i, res.stderr)
		assert.Empty(t, res.stderr, "run %d: no warning about the cache", i)
		assert.Equal(t, want, jsonFindings(t, dir, res.stdout), "run %d", i)
	}

	res := run(t, dir, bin, "-v", "-json", "./...")
	require.Equal(t, 3, res.code, res.stderr)
	assert.Equal(t, want, jsonFindings(t, dir, res.stdout), "the cache the four runs wrote")
	m := regexp.MustCompile(`(\d+) analysed from source, (\d+) read from the cache`).FindStringSubmatch(res.stderr)
	require.NotNil(t, m, res.stderr)
	src, _ := strconv.Atoi(m[1])
	assert.Equal(t, 0, src, "every package read from the cache: %s", res.stderr)
}
