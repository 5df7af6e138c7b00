package hosted

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"
	"golang.org/x/mod/modfile"
)

// Keeping the whole program between processes and runs.
//
// go vet runs the tool once per package, several at a time. The first
// process that needs a module's whole program takes a file lock named
// by the module's fingerprint and computes it; the others wait on the
// lock and read what it wrote. golangci-lint, one process, keeps it the
// same way for its later runs. The fingerprint covers what the whole
// program is computed from: this binary, the settings, the go command's
// environment, and the module's Go files, go.mod and go.sum (by size and
// modification time), with those of the local modules its go.mod
// replaces and of the go.work above it. A later run on the same tree
// reads the same file without loading a package (a warm run stays as
// cheap as the host's own); a change to any of them computes the
// program again (through the runner's results cache: only the packages
// changed are analysed again). Files that no run has used for a day are
// removed.

// shareVersion changes with the format of the shared files.
const shareVersion = "upstreamlint hosted 1"

// shared returns the whole program of the module at root, computed by
// this process or read from the one that did.
func (h *Host) shared(root string, in runnerInput) (*Run, error) {
	dir, err := shareDir()
	if err != nil {
		return nil, err
	}
	key := Fingerprint(root, in.settings)
	if os.Getenv("UPSTREAMLINT_CACHE") == "off" {
		// no results kept from one run to the next: only the processes of
		// one go vet (children of one go command) share the file
		key = hashString(fmt.Sprintf("%s parent %d", key, os.Getppid()))
	}
	file := filepath.Join(dir, key+".json")
	lock := flock.New(filepath.Join(dir, key+".lock"))
	if err := lock.Lock(); err != nil {
		return nil, fmt.Errorf("locking %s: %v", lock.Path(), err)
	}
	defer lock.Unlock()
	if h.cfg.Processes && !h.quiet {
		recordSettings(dir, root, in.settings) // for go vet's build ID (vetid.go)
	}
	if data, err := os.ReadFile(file); err == nil {
		var run Run
		if json.Unmarshal(data, &run) == nil && (run.Roots != nil || run.Setting != nil) {
			now := time.Now()
			os.Chtimes(file, now, now) // used: kept by prune
			return &run, nil
		}
	}
	run, err := compute(root, in)
	if err != nil {
		return nil, err
	}
	data, err := json.Marshal(run)
	if err != nil {
		return nil, err
	}
	if err := writeFile(file, data); err != nil {
		return nil, err
	}
	prune(dir, time.Now())
	return run, nil
}

// writeFile writes data to name through a temporary file in the same
// directory, renamed over name, so that no process ever reads half of it.
func writeFile(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	err = errors.Join(err, tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// shareDir is the directory of the shared files: hosted/ in the
// directory UPSTREAMLINT_CACHE names, or next to the runner's results
// cache in the go build cache (GOCACHE/upstreamlint, which CI recipes
// keep), or in the user's cache directory; the temporary directory when
// the cache is off or there is none (the files then only meet the
// processes of one go vet, see shared).
func shareDir() (string, error) {
	dir := os.Getenv("UPSTREAMLINT_CACHE")
	if dir == "" {
		gocache := os.Getenv("GOCACHE")
		if gocache == "" {
			if base, err := os.UserCacheDir(); err == nil {
				gocache = filepath.Join(base, "go-build") // the go command's default
			}
		}
		if gocache != "" && gocache != "off" {
			dir = filepath.Join(gocache, "upstreamlint")
		}
	}
	if dir == "" || dir == "off" {
		dir = filepath.Join(os.TempDir(), fmt.Sprintf("upstreamlint-%d", os.Getuid()))
	}
	dir = filepath.Join(dir, "hosted")
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return "", err
	}
	return dir, nil
}

// prune removes the shared files that no run has used for a day.
func prune(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > 24*time.Hour {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// fingerprintEnv are the environment variables that can change what the
// go command loads, or which go command runs.
var fingerprintEnv = []string{"PATH", "GOROOT", "GOFLAGS", "GOOS", "GOARCH", "GOARM", "GOAMD64", "CGO_ENABLED", "GOEXPERIMENT", "GOWORK", "GOTOOLCHAIN", "GO111MODULE", "GOPATH", "GOMODCACHE"}

func hashString(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// Fingerprint returns a key of everything a module's whole program is
// computed from (see the comment at the top of share.go), for the
// module at root and the given settings.
func Fingerprint(root string, settings []string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", shareVersion)
	if self, err := os.Executable(); err == nil {
		fmt.Fprintf(h, "tool %s\n", self)
		if info, err := os.Stat(self); err == nil {
			fmt.Fprintf(h, "tool %d %d\n", info.Size(), info.ModTime().UnixNano())
		}
	}
	for _, s := range settings {
		fmt.Fprintf(h, "setting %q\n", s)
	}
	for _, k := range fingerprintEnv {
		fmt.Fprintf(h, "env %s=%q\n", k, os.Getenv(k))
	}
	seen := make(map[string]bool)
	var walk func(dir string)
	walk = func(dir string) {
		dir = filepath.Clean(dir)
		if seen[dir] {
			return
		}
		seen[dir] = true
		walkModule(h, dir)
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err != nil {
			return
		}
		mf, err := modfile.Parse("go.mod", data, nil)
		if err != nil {
			return
		}
		for _, r := range mf.Replace {
			if r.New.Version == "" && modfile.IsDirectoryPath(r.New.Path) {
				p := r.New.Path
				if !filepath.IsAbs(p) {
					p = filepath.Join(dir, p)
				}
				walk(p)
			}
		}
	}
	walk(root)
	if work := goWork(root); work != "" {
		if data, err := os.ReadFile(work); err == nil {
			fmt.Fprintf(h, "go.work %s %x\n", work, sha256.Sum256(data))
			if wf, err := modfile.ParseWork(work, data, nil); err == nil {
				for _, u := range wf.Use {
					p := u.Path
					if !filepath.IsAbs(p) {
						p = filepath.Join(filepath.Dir(work), p)
					}
					walk(p)
				}
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// walkModule writes the name, size and modification time of the files of
// the module at root that the go command reads to h: its Go files (in
// the directories the go command considers: not testdata, not those
// starting with . or _, not nested modules), go.mod, go.sum and
// vendor/modules.txt.
func walkModule(h hash.Hash, root string) {
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable directory: go list will say
		}
		name := d.Name()
		if d.IsDir() {
			if path != root {
				if name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
					return filepath.SkipDir
				}
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir // a module of its own
				}
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") && name != "go.mod" && name != "go.sum" && name != "modules.txt" {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		fmt.Fprintf(h, "file %s %d %d\n", path, info.Size(), info.ModTime().UnixNano())
		return nil
	})
}

// goWork returns the go.work file that applies to the module at root:
// GOWORK's, or the nearest above root, or "" (GOWORK=off, none).
func goWork(root string) string {
	switch w := os.Getenv("GOWORK"); w {
	case "off":
		return ""
	case "":
	default:
		return w
	}
	for dir := root; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			return filepath.Join(dir, "go.work")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
