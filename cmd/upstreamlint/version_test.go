package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// releaseConfig is the part of .goreleaser.yaml the tests check.
type releaseConfig struct {
	Version int `yaml:"version"`
	Builds  []struct {
		Main    string   `yaml:"main"`
		Binary  string   `yaml:"binary"`
		Env     []string `yaml:"env"`
		Flags   []string `yaml:"flags"`
		Ldflags []string `yaml:"ldflags"`
		Goos    []string `yaml:"goos"`
		Goarch  []string `yaml:"goarch"`
	} `yaml:"builds"`
	Archives []struct {
		Formats         []string `yaml:"formats"`
		FormatOverrides []struct {
			Goos    string   `yaml:"goos"`
			Formats []string `yaml:"formats"`
		} `yaml:"format_overrides"`
	} `yaml:"archives"`
	Checksum struct {
		Algorithm string `yaml:"algorithm"`
	} `yaml:"checksum"`
}

func readReleaseConfig(t *testing.T) releaseConfig {
	t.Helper()
	data, err := os.ReadFile("../../.goreleaser.yaml")
	require.NoError(t, err)
	var c releaseConfig
	require.NoError(t, yaml.Unmarshal(data, &c))
	return c
}

// TestReleaseConfig: the release builds this command for the six targets
// without cgo, archives them (zip on Windows) and writes sha256 sums.
func TestReleaseConfig(t *testing.T) {
	c := readReleaseConfig(t)
	assert.Equal(t, 2, c.Version, "GoReleaser v2's configuration")
	require.Len(t, c.Builds, 1)
	b := c.Builds[0]
	assert.Equal(t, "./cmd/upstreamlint", b.Main)
	assert.Equal(t, "upstreamlint", b.Binary)
	assert.Contains(t, b.Env, "CGO_ENABLED=0")
	assert.Contains(t, b.Flags, "-trimpath")
	assert.ElementsMatch(t, []string{"linux", "darwin", "windows"}, b.Goos)
	assert.ElementsMatch(t, []string{"amd64", "arm64"}, b.Goarch)

	require.Len(t, c.Archives, 1)
	a := c.Archives[0]
	assert.Equal(t, []string{"tar.gz"}, a.Formats)
	require.Len(t, a.FormatOverrides, 1)
	assert.Equal(t, "windows", a.FormatOverrides[0].Goos)
	assert.Equal(t, []string{"zip"}, a.FormatOverrides[0].Formats)
	assert.Equal(t, "sha256", c.Checksum.Algorithm)
}

// TestReleaseVersion builds the command with the release's ldflags, its
// templates filled in as for the tag v9.9.9-test, and checks that -V
// prints that version: the -X in .goreleaser.yaml names main.version,
// the variable main.go passes on as the tool's version.
func TestReleaseVersion(t *testing.T) {
	c := readReleaseConfig(t)
	require.Len(t, c.Builds, 1)
	ldflags := strings.Join(c.Builds[0].Ldflags, " ")
	require.Contains(t, ldflags, "-X main.version=", "the release sets main.version")
	// GoReleaser's .Version is the tag without its "v".
	ldflags = regexp.MustCompile(`\{\{\s*\.Version\s*\}\}`).ReplaceAllString(ldflags, "9.9.9-test")
	require.NotContains(t, ldflags, "{{", "a template this test does not fill in")

	exe := filepath.Join(t.TempDir(), "upstreamlint")
	out, err := exec.Command("go", "build", "-ldflags", ldflags, "-o", exe, ".").CombinedOutput()
	require.NoError(t, err, "%s", out)
	res := run(t, t.TempDir(), exe, "-V")
	require.Equal(t, 0, res.code, res.stderr)
	assert.Equal(t, "upstreamlint version v9.9.9-test\n", res.stdout)

	// Without -X, the version comes from the build information: the
	// module's version for go install …@v1.2.3, a pseudo-version or
	// "(devel)" for a build in a clone.
	res = run(t, t.TempDir(), bin, "-V")
	require.Equal(t, 0, res.code, res.stderr)
	assert.Regexp(t, `^upstreamlint version (\(devel\)|v\S+)\n$`, res.stdout)
}
