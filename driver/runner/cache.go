package runner

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"
)

// The export runner's results cache.
//
// Each package the export runner analyses from source has an entry: the
// facts it exported, its summary for the whole-program join, and, for a
// linted package, its diagnostics (fixes included) as the JSON tree
// prints them. The entry's key is that of a go command action: a hash
// of this binary, the analyzers' settings, the package's files and the
// keys of its imports (for an import not analysed from source, its
// export data file, which the go command names by its content). A change
// to a package thus analyses it and its importers again, and nothing
// else; an unchanged tree is read from the cache without type-checking
// anything. Phase 2 of the whole-program join has entries of its own,
// keyed by the package's key and the join's content.
//
// The cache lives in the go build cache's directory, under
// GOCACHE/upstreamlint (os.UserCacheDir()/upstreamlint/export when
// GOCACHE is off; the UPSTREAMLINT_CACHE environment variable names
// another directory, or "off"). Entries are written to a temporary file and renamed, so
// concurrent runs never see half an entry; each starts with the hash of
// the rest, and an entry that does not match it, or does not decode, is
// analysed again and replaced. Entries no run has used for a week are
// removed, at most once a day.

// cacheVersion changes with the entries' format.
const cacheVersion = "upstreamlint export cache 1"

// exportCache is the cache of one run; a nil *exportCache caches nothing.
type exportCache struct {
	dir   string
	salt  []byte // the binary, the settings, the go command's environment
	facts map[string]reflect.Type
	// goroot and modcache hold files that never change under a given
	// toolchain, module version
	goroot, modcache string
}

// openExportCache opens the cache for analyzers with the given
// settings, or returns nil (with the reason, when it is not "off") when
// there is none.
//
// env is the go command's environment (goEnvJSON): it is part of the
// keys.
func openExportCache(env map[string]string, analyzers []*analysis.Analyzer, settings []string) (*exportCache, error) {
	env = maps.Clone(env)

	gocache := env["GOCACHE"]
	delete(env, "GOCACHE") // where the cache is changes no result
	dir := os.Getenv("UPSTREAMLINT_CACHE")
	if dir == "off" {
		return nil, nil
	}
	if dir == "" && gocache != "" && gocache != "off" {
		// next to the export data it relies on, and kept with it (CI
		// recipes keep GOCACHE; go clean -cache removes only the go
		// command's own entries)
		dir = filepath.Join(gocache, "upstreamlint")
	}
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, fmt.Errorf("no results cache: %v (set UPSTREAMLINT_CACHE to a directory, or to off)", err)
		}
		dir = filepath.Join(base, "upstreamlint", "export")
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, fmt.Errorf("no results cache: %v", err)
	}

	self, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("no results cache: %v", err)
	}
	f, err := os.Open(self)
	if err != nil {
		return nil, fmt.Errorf("no results cache: %v", err)
	}
	defer f.Close()
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", cacheVersion)
	if _, err := io.Copy(h, f); err != nil {
		return nil, fmt.Errorf("no results cache: %v", err)
	}
	for _, s := range settings {
		fmt.Fprintf(h, "setting %q\n", s)
	}
	for _, k := range slices.Sorted(maps.Keys(env)) {
		fmt.Fprintf(h, "env %s=%q\n", k, env[k])
	}
	c := &exportCache{dir: dir, facts: make(map[string]reflect.Type), goroot: env["GOROOT"], modcache: env["GOMODCACHE"]}
	ForEachAnalyzer(analyzers, func(a *analysis.Analyzer) {
		fmt.Fprintf(h, "analyzer %s\n", a.Name)
		for _, f := range a.FactTypes {
			t := reflect.TypeOf(f)
			c.facts[t.String()] = t
		}
	})
	c.salt = h.Sum(nil)
	c.prune(time.Now())
	return c, nil
}

// goEnvJSON returns what of the go command's environment can change a
// package's files, types or compiled files: the toolchain and where it
// is, the target, build flags and tags, cgo's settings.
func goEnvJSON(dir string) (map[string]string, error) {
	vars := []string{"GOCACHE", "GOVERSION", "GOROOT", "GOMODCACHE", "GOOS", "GOARCH", "GOFLAGS", "GOEXPERIMENT", "GOAMD64", "GOARM", "GO386",
		"CGO_ENABLED", "CC", "CXX", "CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS", "CGO_LDFLAGS", "GOWORK", "GOPATH"}
	cmd := exec.Command("go", append([]string{"env", "-json"}, vars...)...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return nil, fmt.Errorf("go env: %v: %s", err, bytes.TrimSpace(exit.Stderr))
		}
		return nil, fmt.Errorf("go env: %v", err)
	}
	env := make(map[string]string)
	if err := json.Unmarshal(out, &env); err != nil {
		return nil, fmt.Errorf("go env: %v", err)
	}
	return env, nil
}

// A cacheKey is the hash of what a package's results depend on.
type cacheKey [sha256.Size]byte

// exportEntry is what the cache keeps of a package analysed from source.
type exportEntry struct {
	Facts []cachedFact `json:",omitempty"`
	// Summary is the package's summary for the join (phase 1, a package
	// of a linted module), as JSON
	Summary json.RawMessage `json:",omitempty"`
	// Tree is a linted package's diagnostics, or the error of an
	// analyzer, by analyzer: the package's part of the JSON tree
	Tree map[string]json.RawMessage `json:",omitempty"`
	// failed: an analyzer failed; the entry is not kept (the failure may
	// not happen again)
	failed bool
}

// cachedFact is a fact in an entry: the object's path ("" for a package
// fact), the fact's type and the fact. JSON, not gob as in vetx files:
// a gob stream describes its types again each time, which costs more
// than the fact for these small values.
type cachedFact struct {
	Object objectpath.Path `json:",omitempty"`
	Type   string
	Fact   json.RawMessage
}

func (c *exportCache) file(k cacheKey) string {
	s := hex.EncodeToString(k[:])
	return filepath.Join(c.dir, s[:2], s+"-e")
}

// get returns the entry of key k, or nil when there is none or it is
// damaged (then removed: it is computed again).
func (c *exportCache) get(k cacheKey) *exportEntry {
	if c == nil {
		return nil
	}
	name := c.file(k)
	data, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	sum, body, ok := bytes.Cut(data, []byte("\n"))
	h := sha256.Sum256(body)
	var e exportEntry
	if !ok || string(sum) != hex.EncodeToString(h[:]) || json.Unmarshal(body, &e) != nil {
		os.Remove(name)
		return nil
	}
	if info, err := os.Stat(name); err == nil && time.Since(info.ModTime()) > time.Hour {
		now := time.Now()
		os.Chtimes(name, now, now) // in use: kept by prune
	}
	return &e
}

// put stores the entry of key k; a failure leaves the cache as it was.
func (c *exportCache) put(k cacheKey, e *exportEntry) {
	if c == nil {
		return
	}
	body, err := json.Marshal(e)
	if err != nil {
		return
	}
	h := sha256.Sum256(body)
	name := c.file(k)
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "tmp-*")
	if err != nil {
		return
	}
	_, werr := fmt.Fprintf(tmp, "%s\n%s", hex.EncodeToString(h[:]), body)
	if errors.Join(werr, tmp.Close()) != nil || os.Rename(tmp.Name(), name) != nil {
		os.Remove(tmp.Name())
	}
}

// prune removes, at most once a day, the entries (and the temporary
// files of runs that died) no run has used for a week.
func (c *exportCache) prune(now time.Time) {
	mark := filepath.Join(c.dir, "pruned")
	if info, err := os.Stat(mark); err == nil && now.Sub(info.ModTime()) < 24*time.Hour {
		return
	}
	if err := os.WriteFile(mark, nil, 0o666); err != nil {
		return
	}
	dirs, _ := os.ReadDir(c.dir)
	for _, d := range dirs {
		if !d.IsDir() || len(d.Name()) != 2 {
			continue
		}
		sub := filepath.Join(c.dir, d.Name())
		entries, _ := os.ReadDir(sub)
		for _, e := range entries {
			if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > 7*24*time.Hour {
				os.Remove(filepath.Join(sub, e.Name()))
			}
		}
	}
}

// key returns the phase-1 key of a package: role says how it is
// analysed (whether from source, as linted, as summarised for the join),
// imports are its imports' keys by import path.
// Its files count by their content, or, in the module cache or GOROOT
// (which hold the same files for a given module version, toolchain), by
// their names; cgo's output is a function of its input and the
// settings in the salt.
func (c *exportCache) key(p *packages.Package, role string, imports map[string]cacheKey) (cacheKey, error) {
	if c == nil {
		return cacheKey{}, nil
	}
	h := sha256.New()
	h.Write(c.salt)
	fmt.Fprintf(h, "package %q %s\n", p.ID, role)
	if m := p.Module; m != nil {
		// its path says whether it is linted; its go version, how the
		// package type-checks
		fmt.Fprintf(h, "module %q %q %q\n", m.Path, m.Version, m.GoVersion)
	}
	files := append(slices.Clone(p.GoFiles), p.OtherFiles...)
	fixed := len(files) > 0
	for _, name := range files {
		fixed = fixed && (c.goroot != "" && strings.HasPrefix(name, c.goroot+string(filepath.Separator)) ||
			c.modcache != "" && strings.HasPrefix(name, c.modcache+string(filepath.Separator)))
	}
	for _, name := range files {
		if fixed {
			fmt.Fprintf(h, "file %q\n", name)
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			return cacheKey{}, err
		}
		fh := sha256.New()
		_, err = io.Copy(fh, f)
		f.Close()
		if err != nil {
			return cacheKey{}, err
		}
		fmt.Fprintf(h, "file %q %x\n", name, fh.Sum(nil))
	}
	for _, path := range slices.Sorted(maps.Keys(imports)) {
		k := imports[path]
		fmt.Fprintf(h, "import %q %x\n", path, k[:])
	}
	var k cacheKey
	copy(k[:], h.Sum(nil))
	return k, nil
}

// again returns the phase-2 key of a package: its key and the join's
// hash (sha256 of the encoded join, computed once: on seaweedfs the join
// is megabytes, and 240 packages are analysed again).
func (c *exportCache) again(k cacheKey, join [sha256.Size]byte) cacheKey {
	h := sha256.New()
	h.Write(k[:])
	fmt.Fprintf(h, "join %x\n", join)
	var out cacheKey
	copy(out[:], h.Sum(nil))
	return out
}

// encodeFacts turns the facts a package exported into an entry's.
func encodeFacts(facts []exportedFact) ([]cachedFact, error) {
	var out []cachedFact
	for _, f := range facts {
		data, err := json.Marshal(f.fact)
		if err != nil {
			return nil, fmt.Errorf("fact %T: %v", f.fact, err)
		}
		out = append(out, cachedFact{Object: f.path, Type: reflect.TypeOf(f.fact).String(), Fact: data})
	}
	return out, nil
}

// decodeFacts turns an entry's facts back into facts.
func (c *exportCache) decodeFacts(facts []cachedFact) ([]exportedFact, error) {
	if c == nil {
		return nil, errors.New("no results cache")
	}
	var out []exportedFact
	for _, cf := range facts {
		t, ok := c.facts[cf.Type]
		if !ok || t.Kind() != reflect.Pointer {
			return nil, fmt.Errorf("unknown fact type %q", cf.Type)
		}
		v := reflect.New(t.Elem())
		if err := json.Unmarshal(cf.Fact, v.Interface()); err != nil {
			return nil, fmt.Errorf("fact %s: %v", cf.Type, err)
		}
		out = append(out, exportedFact{path: cf.Object, fact: v.Interface().(analysis.Fact)})
	}
	return out, nil
}

// exportedFact is a fact a package exported: about the object at path,
// or about the package ("").
type exportedFact struct {
	path objectpath.Path
	fact analysis.Fact
}

// cacheStats counts, for -v, what the cache gave.
type cacheStats struct {
	mu             sync.Mutex
	hits, analysed int
}

// hitCount returns the hits so far.
func (s *cacheStats) hitCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits
}

func (s *cacheStats) add(hit bool) {
	s.mu.Lock()
	if hit {
		s.hits++
	} else {
		s.analysed++
	}
	s.mu.Unlock()
}
