// Package driver is the standalone analysis driver of upstreamlint: its
// runner (package runner) analyses one package at a time in this
// process, the others' types from export data, with a results cache,
// resolves the calls of the whole program (the join), and the driver
// prints the findings (package format) for a reader or a CI system:
//
//	-format=text    "path:line:col: message (check)" on stdout, the summary on stderr (the default)
//	-format=json    the go/analysis JSON tree, on stdout (-json is an alias)
//	-format=sarif   SARIF 2.1.0 for GitHub code scanning, on stdout
//	-format=github  GitHub Actions workflow commands (annotations), on stdout
//	-format=rdjson  reviewdog's Diagnostic Result JSON, on stdout
//
// -fix applies the suggested fixes (atomically, gofmt'ed) and -diff prints
// them as a unified diff instead. Findings that a package and its test
// variant both report appear once.
//
// A program built on the checker package cannot serve go vet's -vettool
// protocol, so [Main] hands such invocations to unitchecker unchanged.
package driver

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	upstream "github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/driver/format"
	"github.com/upstreamlint/upstreamlint/driver/hosted"
	"github.com/upstreamlint/upstreamlint/driver/runner"
	"github.com/upstreamlint/upstreamlint/internal/suggest"
)

// Exit codes of the standalone driver. They follow the go/analysis drivers
// (multichecker, singlechecker), which upstreamlint used before: scripts
// written against it keep working.
const (
	ExitClean    = 0 // no findings (or -exit-zero)
	ExitError    = 1 // packages could not be loaded or analysed, or fixes could not be written
	ExitUsage    = 2 // bad flags or arguments, or a setting that does not resolve in the build (analyzer.SettingError)
	ExitFindings = 3 // findings were reported
)

// Tool describes the command in reports read by other programs.
type Tool struct {
	// Name is the command's name: SARIF's tool.driver.name, rdjson's
	// source.name and the title of GitHub annotations.
	Name string
	// URL is the tool's home page: SARIF's informationUri, rdjson's source.url.
	URL string
	// Version is reported by -V and in SARIF; empty means the main module
	// version from the build information, "(devel)" when it has none.
	Version string
}

func (t Tool) version() string {
	if t.Version != "" {
		return t.Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// Main is the main function of a command: under go vet -vettool it runs
// unitchecker.Main, otherwise the standalone driver; it does not return.
// newChecks returns fresh analyzers of the checks, on the instance of
// the shared analysis whose analyzer it is given.
func Main(tool Tool, newChecks func(shared *analysis.Analyzer) []*analysis.Analyzer) {
	shared := upstream.New(upstream.DefaultConfig())
	analyzers := newChecks(shared.Analyzer)
	if IsVetInvocation(os.Args[1:]) {
		// a package analysed on its own checks a function setting whose
		// package it does not import with the go command
		shared.SetFuncLoader(runner.LoadFuncPackage)
		if slices.Contains(os.Args[1:], "-V=full") || slices.Contains(os.Args[1:], "--V=full") {
			printVetVersion(newChecks)
		}
		// Requirements with settings (the shared analysis's -deps) run as
		// roots too, so that go vet accepts and passes their flags.
		all := append(slices.Clone(analyzers), configurableRequirements(analyzers)...)
		if vetWhole(os.Args[1:]) {
			// every package go vet reports on gets the whole program's
			// findings; the dependencies need no analysis (SetHost)
			shared.SetHost(hosted.New(hosted.Config{Shared: shared, Checks: analyzers, New: newChecks, Processes: true}))
		} else if vetxOnly(os.Args[1:]) {
			factsOnly(all)
		}
		unitchecker.Main(all...)
		panic("unreachable")
	}
	ctx, signalled := interruptible()
	cmd := &Command{Tool: tool, Shared: shared, Context: ctx}
	code := cmd.Run(os.Args[1:], analyzers)
	if sig := signalled(); sig != 0 {
		code = 128 + sig // as a shell reports a process a signal ended: 130, 143
	}
	os.Exit(code)
}

// interruptible returns a context that SIGINT or SIGTERM cancels, and a
// function that returns the number of the signal that did, or 0. The
// first signal cancels the run, which interrupts the go commands it
// started (go list and the compiles under it, which would otherwise go
// on for minutes after the run is killed) and waits for them; a second
// one ends the process at once, as the signal's default does.
func interruptible() (context.Context, func() int) {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	var got atomic.Int32
	go func() {
		sig := <-sigs
		signal.Stop(sigs) // the next one ends the process
		if s, ok := sig.(syscall.Signal); ok {
			got.Store(int32(s))
		}
		cancel()
	}()
	return ctx, func() int { return int(got.Load()) }
}

// printVetVersion answers go vet's -V=full, as unitchecker does, with a
// build ID that also covers the whole program of the module of the
// current directory (hosted.VetBuildID): go vet keys the results it
// caches by it and by a package's own inputs, while the whole program
// makes a package's findings depend on packages it does not import. It
// exits.
func printVetVersion(newChecks func(shared *analysis.Analyzer) []*analysis.Analyzer) {
	self, err := os.Executable()
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Open(self)
	if err != nil {
		log.Fatal(err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		log.Fatal(err)
	}
	f.Close()
	if wd, err := os.Getwd(); err == nil {
		h.Write(hosted.VetBuildID(wd, newChecks))
	}
	fmt.Printf("%s version devel comments-go-here buildID=%02x\n", self, h.Sum(nil))
	os.Exit(0)
}

// vetWhole reports whether the whole-program join is on for a go vet
// invocation: -upstreamfacts.whole, as the flag package would parse it,
// before unitchecker parses it (the host must be set before the
// analyzers are read). A malformed value is left to unitchecker's error.
func vetWhole(args []string) bool {
	whole := upstream.DefaultConfig().Whole
	for _, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name != "upstreamfacts.whole" || !strings.HasPrefix(a, "-") {
			continue
		}
		if !hasValue {
			whole = true
			continue
		}
		if v, err := strconv.ParseBool(value); err == nil {
			whole = v
		}
	}
	return whole
}

// vetxOnly reports whether go vet runs this binary on a dependency of
// the packages it vets, for its facts only (the vet config's VetxOnly):
// unitchecker discards that package's diagnostics.
func vetxOnly(args []string) bool {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return false
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return false // unitchecker reports it
	}
	var cfg struct{ VetxOnly bool }
	return json.Unmarshal(data, &cfg) == nil && cfg.VetxOnly
}

// factsOnly makes the analyzers that export no facts do nothing, for a
// package analysed for its facts only. unitchecker runs there every
// analyzer that needs facts, itself or through a requirement, not only
// those that produce them (its own comment says the test is backwards):
// the checks would walk every dependency that imports net/http for
// diagnostics it throws away (on dex, within the noise of a 45 s run).
// Their requirements still run (unitchecker runs them first), so the
// facts are the same; no analyzer here declares a result type that such
// an analyzer would have to produce.
func factsOnly(analyzers []*analysis.Analyzer) {
	runner.ForEachAnalyzer(analyzers, func(a *analysis.Analyzer) {
		if len(a.FactTypes) == 0 && a.ResultType == nil {
			a.Run = func(*analysis.Pass) (any, error) { return nil, nil }
		}
	})
}

// configurableRequirements returns the analyzers that roots require,
// directly or not, that have flags of their own and are not roots: their
// settings are -NAME.FLAG flags too, without an enable flag.
func configurableRequirements(roots []*analysis.Analyzer) []*analysis.Analyzer {
	seen := make(map[*analysis.Analyzer]bool)
	for _, a := range roots {
		seen[a] = true
	}
	var out []*analysis.Analyzer
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		for _, r := range a.Requires {
			if seen[r] {
				continue
			}
			seen[r] = true
			hasFlags := false
			r.Flags.VisitAll(func(*flag.Flag) { hasFlags = true })
			if hasFlags {
				out = append(out, r)
			}
			visit(r)
		}
	}
	for _, a := range roots {
		visit(a)
	}
	return out
}

// IsVetInvocation reports whether args follow go vet's -vettool protocol:
// go vet asks for the tool's flags (-flags) and version (-V=full), then
// runs it on one compilation unit described by a *.cfg file, after the
// flags it was given.
func IsVetInvocation(args []string) bool {
	for _, a := range args {
		switch a {
		case "-flags", "--flags", "-V=full", "--V=full":
			return true
		}
	}
	n := len(args)
	if n == 0 || !strings.HasSuffix(args[n-1], ".cfg") {
		return false
	}
	for _, a := range args[:n-1] {
		if !strings.HasPrefix(a, "-") {
			return false // a package pattern: not go vet
		}
	}
	return true
}

// Command is one run of the standalone driver.
type Command struct {
	Tool
	// Dir is the directory packages are loaded from and the module root
	// is searched upwards from; empty means the current directory.
	Dir string
	// Stdout and Stderr receive the output; nil means os.Stdout, os.Stderr.
	Stdout, Stderr io.Writer
	// Shared is the instance of the shared analysis the analyzers given
	// to Run require, if any: the runner drives its whole-program join
	// (it analyses the program, joins the packages' summaries and
	// analyses again the packages whose findings the join changes), its
	// statistics (-debug.stats) and the test for the dependencies worth
	// analysing from source. Nil: no join, every dependency is analysed
	// from source for the analyzers' facts.
	Shared *upstream.Shared
	// Oracle analyses the whole program from source in this process
	// with golang.org/x/tools/go/analysis/checker instead of the runner:
	// slower, with more memory and no cache, for tests that hold the
	// runner's findings against it.
	Oracle bool
	// Context, if not nil, cancels a run: the go commands it started are
	// interrupted and Run returns ExitError, having written no file.
	// Main cancels it on SIGINT or SIGTERM.
	Context context.Context
}

// options are the parsed command line.
type options struct {
	format    string
	fix, diff bool
	context   int
	abs       bool // -abs: absolute paths in the text output
	quiet     bool // -q: no progress line
	// pathPrefix is -path-prefix: the module root's path in the
	// repository, for -format=github; nil means ask git
	pathPrefix *string
	tests      bool
	exitZero   bool
	version    bool
	memLimit   int64     // -memlimit: the soft memory limit in bytes, 0 if not set
	srcTypes   bool      // -types=source (the default): dependencies' types from source, nothing compiled
	cpuprof    string    // -cpuprofile: write a CPU profile here
	memprof    string    // -memprofile: write a heap profile here
	stats      bool      // -debug.stats: print the engine's work statistics
	newFrom    string    // -new-from-rev or -new-from-merge-base: the revision
	mergeBase  bool      // the revision is -new-from-merge-base's
	baseline   string    // -baseline: suppress the findings this file records
	writeBase  string    // -write-baseline: record the findings in this file
	verbose    bool      // -v
	term       io.Writer // unbuffered stderr, for the progress line
	settings   []string  // the analyzers' settings given (the cache keys include them)
	args       []string
	analyzers  []*analysis.Analyzer
}

// formats lists the values of -format.
var formats = []string{"text", "json", "sarif", "github", "rdjson"}

// errUsage marks a command line error whose message has been printed.
var errUsage = errors.New("usage")

// usageError is a usage error (exit 2) found after the flags parsed: a
// directory outside any git repository, an unknown revision, a baseline
// file that cannot be read.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// parseFlags parses args into options, registering every analyzer's flags
// as -NAME.FLAG and an enable flag -NAME, as multichecker does.
func (c *Command) parseFlags(args []string, analyzers []*analysis.Analyzer, stderr io.Writer) (*options, error) {
	name := c.name()
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := &options{srcTypes: true}
	var jsonAlias bool
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(formats, ", "))
	upstream.BoolVar(fs, &jsonAlias, "json", false, "alias of -format=json: the go/analysis JSON tree")
	upstream.BoolVar(fs, &o.fix, "fix", false, "apply the suggested fixes, then report the findings left")
	upstream.BoolVar(fs, &o.diff, "diff", false, "print the suggested fixes as a unified diff instead of applying them (implies -fix)")
	fs.IntVar(&o.context, "c", -1, "with -format=text, show the offending line with this many lines of context")
	upstream.BoolVar(fs, &o.abs, "abs", false, "with -format=text, print absolute file names instead of names relative to the working directory")
	fs.Func("path-prefix", "with -format=github, the `path` of the module root in the repository, prefixed to file names (default: found with git)", func(v string) error {
		o.pathPrefix = &v
		return nil
	})
	upstream.BoolVar(fs, &o.quiet, "q", false, "quiet: no progress line on stderr (shown only on a terminal, after two seconds)")
	upstream.BoolVar(fs, &o.tests, "test", true, "also analyze test files")
	upstream.BoolVar(fs, &o.exitZero, "exit-zero", false, fmt.Sprintf("exit with 0 instead of %d when there are findings", ExitFindings))
	upstream.BoolVar(fs, &o.version, "V", false, "print the version and exit")
	fs.Func("memlimit", "a soft memory `limit` for the run, as GOMEMLIMIT (e.g. 2GiB; units B, KiB, MiB, GiB, TiB): the collector works harder near it, so the run gets slower instead of being killed for memory", func(v string) error {
		n, err := parseMemLimit(v)
		if err != nil {
			return err
		}
		o.memLimit = n
		return nil
	})
	fs.Func("types", "where the types of the packages not analysed come from: `source` (their files, type-checked without function bodies: nothing is compiled) or export (the compiler's export data: go list -export compiles what the build cache lacks, and a package that does not compile is reported in the compiler's words) (default source)", func(v string) error {
		switch v {
		case "export":
			o.srcTypes = false
		case "source":
			o.srcTypes = true
		default:
			return fmt.Errorf("%q is not source or export", v)
		}
		return nil
	})
	fs.StringVar(&o.cpuprof, "cpuprofile", "", "write a CPU profile to this file (as go/analysis drivers do)")
	fs.StringVar(&o.memprof, "memprofile", "", "write a heap profile to this file when the analysis ends")
	var newFromRev, newFromMergeBase string
	fs.StringVar(&newFromRev, "new-from-rev", "", "report only findings on lines added or changed since this git revision (uncommitted changes and untracked files included)")
	fs.StringVar(&newFromMergeBase, "new-from-merge-base", "", "report only findings on lines added or changed since the merge base of this git revision and HEAD")
	fs.StringVar(&o.baseline, "baseline", "", "suppress the findings recorded in this baseline file (see -write-baseline)")
	fs.StringVar(&o.writeBase, "write-baseline", "", "record the findings in this baseline file instead of reporting them")
	upstream.BoolVar(fs, &o.verbose, "v", false, "verbose: print each package's analysis time and a summary line on stderr; with -baseline, list the baseline entries that no longer match a finding")
	var runner string
	fs.StringVar(&runner, "runner", "", hiddenUsage)
	upstream.BoolVar(fs, &o.stats, "debug.stats", false, "print the provenance engine's work statistics on stderr: functions analysed, work spent, functions given up over -upstreamfacts.budget; and the packages analysed from source, by why and by cost")

	enabled := make(map[*analysis.Analyzer]*triState)
	for _, a := range analyzers {
		ts := new(triState)
		enabled[a] = ts
		fs.Var(ts, a.Name, fmt.Sprintf("enable the %s check (if any check is enabled, only those run)", a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	for _, a := range configurableRequirements(analyzers) {
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	// -h prints the whole usage; a bad flag, its error and one line (the
	// usage would push the error off the screen)
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			c.usage(fs, stderr)
			return nil, err
		}
		// the flag package printed the error
		if hint := flagHint(fs, err); hint != "" {
			fmt.Fprintln(stderr, hint)
		}
		fmt.Fprintf(stderr, "Usage: %s [flags] packages...; '%s -h' lists the flags\n", name, name)
		return nil, errUsage
	}
	if jsonAlias {
		if o.format != "text" && o.format != "json" {
			fmt.Fprintf(stderr, "%s: -json is -format=json; it conflicts with -format=%s\n", name, o.format)
			return nil, errUsage
		}
		o.format = "json"
	}
	switch {
	case newFromRev != "" && newFromMergeBase != "":
		fmt.Fprintf(stderr, "%s: -new-from-rev and -new-from-merge-base exclude each other\n", name)
		return nil, errUsage
	case newFromRev != "":
		o.newFrom = newFromRev
	case newFromMergeBase != "":
		o.newFrom, o.mergeBase = newFromMergeBase, true
	}
	if o.baseline != "" && o.writeBase != "" {
		fmt.Fprintf(stderr, "%s: -baseline and -write-baseline exclude each other (-write-baseline alone rewrites the file)\n", name)
		return nil, errUsage
	}
	if o.writeBase != "" && o.fix {
		fmt.Fprintf(stderr, "%s: -write-baseline records the findings; it cannot be combined with -fix or -diff\n", name)
		return nil, errUsage
	}
	if !slices.Contains(formats, o.format) {
		fmt.Fprintf(stderr, "%s: unknown -format=%s (want one of %s)\n", name, o.format, strings.Join(formats, ", "))
		return nil, errUsage
	}
	if o.diff {
		o.fix = true
		if o.format != "text" {
			fmt.Fprintf(stderr, "%s: -diff prints a diff; it cannot be combined with -format=%s\n", name, o.format)
			return nil, errUsage
		}
	}

	// As in multichecker: if any -NAME is true, run only those checks;
	// otherwise, if any -NAME is false, run all but those.
	var hasTrue, hasFalse bool
	for _, ts := range enabled {
		hasTrue = hasTrue || *ts == setTrue
		hasFalse = hasFalse || *ts == setFalse
	}
	for _, a := range analyzers {
		switch {
		case hasTrue && *enabled[a] != setTrue, !hasTrue && hasFalse && *enabled[a] == setFalse:
			continue
		}
		o.analyzers = append(o.analyzers, a)
	}
	o.args = fs.Args()
	switch runner {
	case "", "auto", "export":
	default:
		// -runner chose between three runners until there was one; it
		// stays for one release, accepted and ignored (docs/speed.md)
		fmt.Fprintf(stderr, "%s: warning: -runner=%s is ignored: upstreamlint has one runner (the flag goes in the next release)\n", name, runner)
	}
	fs.Visit(func(f *flag.Flag) {
		if isAnalyzerFlag(f.Name, analyzers) {
			o.settings = append(o.settings, "-"+f.Name+"="+f.Value.String())
		}
	})
	return o, nil
}

// flagHint returns "did you mean -NAME?" for an unknown flag that is
// near the name of one of fs (a few letters off, about one in three of
// a long name, or the start of a name), or "".
func flagHint(fs *flag.FlagSet, err error) string {
	name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -")
	if !ok {
		return ""
	}
	name = strings.TrimPrefix(name, "-")
	var names []string
	fs.VisitAll(func(f *flag.Flag) {
		if f.Usage != hiddenUsage {
			names = append(names, f.Name)
		}
	})
	// -passthr for -passthrough, -upstreamfacts.wholeprogram for -upstreamfacts.whole
	best := suggest.Option(name, names)
	if best == "" {
		return ""
	}
	return fmt.Sprintf("did you mean -%s?", best)
}

// hiddenUsage marks a flag that the usage does not list.
const hiddenUsage = "(hidden)"

// isAnalyzerFlag reports whether a flag is an analyzer's: its enable flag
// -NAME or a setting -NAME.FLAG (of a check or a requirement).
func isAnalyzerFlag(flagName string, analyzers []*analysis.Analyzer) bool {
	prefix, _, _ := strings.Cut(flagName, ".")
	for _, a := range append(slices.Clone(analyzers), configurableRequirements(analyzers)...) {
		if a.Name == prefix {
			return true
		}
	}
	return false
}

// interrupted reports whether the run's context was cancelled.
func (c *Command) interrupted() bool {
	return c.Context != nil && c.Context.Err() != nil
}

// workDir is the directory the command runs in: Dir, else the process's.
func (c *Command) workDir() string {
	if c.Dir != "" {
		return c.Dir
	}
	dir, _ := os.Getwd()
	return dir
}

func (c *Command) name() string {
	if c.Name != "" {
		return c.Name
	}
	return filepath.Base(os.Args[0])
}

func (c *Command) usage(fs *flag.FlagSet, w io.Writer) {
	fmt.Fprintf(w, `Usage: %[1]s [flags] packages...

%[1]s reports findings in the named packages (as for go build: ./...).
Run '%[1]s help' for the list of checks, '%[1]s help CHECK' for one check.

Flags:
`, c.name())
	shown := flag.NewFlagSet(c.name(), flag.ContinueOnError)
	fs.VisitAll(func(f *flag.Flag) {
		if f.Usage != hiddenUsage {
			shown.Var(f.Value, f.Name, f.Usage)
		}
	})
	shown.SetOutput(w)
	shown.PrintDefaults()
}

// Run runs the standalone driver with the command line args (without the
// program name) and returns the exit code.
func (c *Command) Run(args []string, analyzers []*analysis.Analyzer) int {
	stdout, stderr := c.Stdout, c.Stderr
	if stdout == nil {
		stdout = os.Stdout
	}
	if stderr == nil {
		stderr = os.Stderr
	}
	name := c.name()
	if err := analysis.Validate(analyzers); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return ExitError
	}
	o, err := c.parseFlags(args, analyzers, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return ExitClean
	} else if err != nil {
		return ExitUsage
	}
	if o.version {
		fmt.Fprintf(stdout, "%s version %s\n", name, c.version())
		return ExitClean
	}
	if len(o.args) == 0 {
		fmt.Fprintf(stderr, "%s: no packages given\nUsage: %s [flags] packages... (for example ./...); '%s -help' lists the flags\n", name, name, name)
		return ExitUsage
	}
	if o.args[0] == "help" {
		return c.help(stdout, stderr, analyzers, o.args[1:])
	}

	if o.memLimit > 0 {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(o.memLimit))
	}
	o.term = stderr
	out, errw := bufio.NewWriter(stdout), bufio.NewWriter(stderr)
	stop, err := startProfiles(o)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return ExitUsage
	}
	code := c.run(o, out, errw)
	if err := stop(); err != nil {
		fmt.Fprintf(errw, "%s: %v\n", name, err)
		code = ExitError // as a failed -fix write: it wins over findings
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(errw, "%s: writing the output: %v\n", name, err)
		code = ExitError
	}
	errw.Flush()
	return code
}

// goVersionMismatch recognises errors of packages that need a newer Go
// than the one this program was built with, or than the go command that
// lists them: go/types of an older release cannot check them (nor the
// standard library of a newer go command), and the go command refuses a
// go.mod that asks for a newer release under GOTOOLCHAIN=local. It
// returns what to tell the user.
func goVersionMismatch(errs []string) (string, bool) {
	const install = "GOTOOLCHAIN=go1.27.3 go install github.com/upstreamlint/upstreamlint/cmd/upstreamlint@latest"
	for _, e := range errs {
		e = strings.TrimSpace(e)
		switch {
		case strings.Contains(e, "go.mod requires go >="):
			_, detail, _ := strings.Cut(e, "go: ")
			return fmt.Sprintf("the module needs a newer Go than the go command here (%s): install that Go release or let the go command fetch it (GOTOOLCHAIN=auto), and build upstreamlint with it too, e.g. %s", detail, install), true
		case strings.Contains(e, "requires newer Go version"):
			return fmt.Sprintf("these packages need a newer Go than the one upstreamlint was built with (%s): build upstreamlint with the Go release the module requires, e.g. %s (first error: %s)", runtime.Version(), install, e), true
		}
	}
	return "", false
}

// run loads, analyses, fixes and reports; it returns the exit code.
func (c *Command) run(o *options, stdout, stderr io.Writer) int {
	name := c.name()
	if o.stats && c.Shared != nil {
		c.Shared.CollectStats()
	}
	var changed *changedLines
	if o.newFrom != "" {
		// Before the analysis: a bad revision fails fast.
		var err error
		if changed, err = gitChanges(c.workDir(), o.newFrom, o.mergeBase); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			var nf *usageError
			if errors.As(err, &nf) {
				return ExitUsage
			}
			return ExitError
		}
	}
	var base *baseline
	if o.baseline != "" {
		var err error
		if base, err = readBaseline(o.baseline); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return ExitUsage
		}
	}
	var prog *progress
	if !o.quiet {
		prog = startProgress(o.term, name)
	}
	var res *result
	var err error
	if c.Oracle {
		res, err = analyzeChecker(c.Dir, o.args, o.analyzers, c.Shared, o.tests, prog)
	} else {
		res, err = analyzeRunner(c.Context, c.Dir, o.args, o.analyzers, c.Shared, o.settings, o.tests, o.stats, o.srcTypes, prog)
	}
	prog.stop()
	if c.interrupted() {
		fmt.Fprintf(stderr, "%s: interrupted\n", name)
		return ExitError
	}
	if err != nil {
		var setting *upstream.SettingError
		if errors.As(err, &setting) {
			// well-formed, but not a function of the build
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return ExitUsage
		}
		if msg, ok := goVersionMismatch([]string{err.Error()}); ok {
			fmt.Fprintf(stderr, "%s: %s\n", name, msg)
			return ExitError
		}
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return ExitError
	}
	failed := len(res.loadErrors) > 0 || len(res.analysisErrors) > 0
	if msg, ok := goVersionMismatch(res.loadErrors); ok {
		// Every package fails to type-check, and every analysis of it
		// fails after: one clear line instead of hundreds.
		fmt.Fprintf(stderr, "%s: %s\n", name, msg)
		return ExitError
	}
	for _, e := range res.loadErrors {
		fmt.Fprintln(stderr, e)
	}
	for _, e := range res.analysisErrors {
		fmt.Fprintf(stderr, "%s: %s\n", name, e)
	}
	for _, e := range res.warnings {
		fmt.Fprintf(stderr, "%s: %s\n", name, e)
	}
	if o.stats && c.Shared != nil {
		writeStats(stderr, name, c.Shared.Stats())
		fmt.Fprintf(stderr, "%s: whole program: %s\n", name, res.join)
	}
	if o.stats {
		writeSourceProfile(stderr, name, res.sources, res.oneAtATime)
	}
	if o.verbose {
		res.writeTimings(stderr, name)
		defer res.writeSummary(stderr, name)
	}
	if changed != nil {
		res.findings = slices.DeleteFunc(res.findings, func(f *finding) bool { return !res.isNew(f, changed) })
	}
	if o.writeBase != "" {
		n, err := res.writeBaseline(o.writeBase, c.Tool.Name, res.findings)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return ExitError
		}
		fmt.Fprintf(stderr, "%s: recorded %d findings in the baseline %s\n", name, n, o.writeBase)
		return exitCode(failed, false, o.exitZero)
	}
	suppressed := 0
	if base != nil {
		suppressed = res.suppress(base)
		if o.verbose {
			for _, e := range base.stale() {
				fmt.Fprintf(stderr, "%s: baseline %s: no finding matches %s: %s: %s: %s (%d)\n", name, base.name, e.File, e.Function, e.Check, e.Message, e.Count)
			}
		}
	}

	findings := res.findings
	if o.fix && c.interrupted() {
		// before the first write; once begun, the writes end (each file
		// is renamed into place whole)
		fmt.Fprintf(stderr, "%s: interrupted: no fix applied\n", name)
		return ExitError
	}
	if o.fix {
		plan, err := planFixes(res.findings, res.src, res.files)
		if err == nil {
			err = plan.format()
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return ExitError
		}
		if o.diff {
			if err := plan.writeDiff(stdout, res.root); err != nil {
				fmt.Fprintf(stderr, "%s: %v\n", name, err)
				return ExitError
			}
			fmt.Fprintf(stderr, "%s: %s\n", name, plan.summary(true))
			return exitCode(failed, len(findings) > 0, o.exitZero)
		}
		if err := plan.write(osFS{}); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return ExitError
		}
		if plan.applied+plan.conflicts+plan.generated+plan.outside > 0 {
			fmt.Fprintf(stderr, "%s: %s\n", name, plan.summary(false))
		}
		findings = slices.DeleteFunc(slices.Clone(findings), func(f *finding) bool { return plan.fixed[f] })
	}

	rep := res.report(c.Tool, c.version(), findings, suppressed)
	if werr := c.formatter(o, res.root).Format(stdout, rep); werr != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, werr)
		return ExitError
	}
	if o.format == "text" {
		if line := format.Summary(rep.Findings, rep.Suppressed); line != "" {
			fmt.Fprintf(stderr, "%s: %s\n", name, line)
		}
	}
	return exitCode(failed, len(findings) > 0, o.exitZero)
}

// exitCode combines the outcomes: a run that failed (in part) says so
// before anything else, since its findings may be incomplete.
func exitCode(failed, findings, exitZero bool) int {
	switch {
	case failed:
		return ExitError
	case findings && !exitZero:
		return ExitFindings
	}
	return ExitClean
}

// A triState is a boolean flag that knows whether it was set.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) IsBoolFlag() bool { return true }

func (ts *triState) Get() any { return *ts == setTrue }

func (ts *triState) String() string {
	switch *ts {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return "unset"
}

func (ts *triState) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return errors.New("want true or false") // the flag package names the value
	}
	*ts = setFalse
	if v {
		*ts = setTrue
	}
	return nil
}

// parseMemLimit parses a size as GOMEMLIMIT does: a whole number of
// bytes with an optional unit, B, KiB, MiB, GiB or TiB.
func parseMemLimit(v string) (int64, error) {
	units := []struct {
		suffix string
		shift  uint
	}{{"TiB", 40}, {"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"B", 0}}
	num, shift := v, uint(0)
	for _, u := range units {
		if n, ok := strings.CutSuffix(v, u.suffix); ok {
			num, shift = n, u.shift
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt64>>shift {
		return 0, fmt.Errorf("malformed size %q: want a whole number of bytes greater than zero, with an optional unit B, KiB, MiB, GiB or TiB (as GOMEMLIMIT)", v)
	}
	return n << shift, nil
}

// startProfiles starts the CPU profile of -cpuprofile; the function it
// returns stops it and writes the heap profile of -memprofile.
func startProfiles(o *options) (func() error, error) {
	var cpu *os.File
	if o.cpuprof != "" {
		f, err := os.Create(o.cpuprof)
		if err != nil {
			return nil, fmt.Errorf("-cpuprofile: %v", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return nil, fmt.Errorf("-cpuprofile: %v", err)
		}
		cpu = f
	}
	return func() error {
		var errs []error
		if cpu != nil {
			pprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				errs = append(errs, fmt.Errorf("-cpuprofile: %v", err))
			}
		}
		if o.memprof != "" {
			f, err := os.Create(o.memprof)
			if err == nil {
				runtime.GC()
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				if cerr := f.Close(); err == nil {
					err = cerr
				}
			}
			if err != nil {
				errs = append(errs, fmt.Errorf("-memprofile: %v", err))
			}
		}
		return errors.Join(errs...)
	}, nil
}
