// Package upstreamlint is the golangci-lint module plugin of upstreamlint.
//
// Importing it registers the linter "upstreamlint" with golangci-lint
// (see .custom-gcl.example.yml and .golangci.example.yml). Its settings
// are the shared analysis' deps and one section per check; every option
// of a section is set through the check's flag of the same name, so the
// plugin accepts exactly what -<check>.<option> accepts on the command
// line, with the same errors:
//
//	linters:
//	  settings:
//	    custom:
//	      upstreamlint:
//	        type: module
//	        settings:
//	          deps: ["github.com/redis/go-redis/v9"]
//	          budget: 1000000
//	          whole-program: true
//	          passthrough:
//	            enable: true
//	            mapper: example.com/svc/httperr.FromUpstream
//	            allow: ["example.com/gw/..."]
//	          leak:
//	            enable: false
//
// Unknown keys and values of the wrong type are errors that name the
// key; an unknown key near a known one says "did you mean" that one.
//
// golangci-lint reports every finding under the linter name
// "upstreamlint" and itself prefixes the message with the name of the
// check's analyzer ("passthrough: upstream status … is forwarded …"), so
// //nolint:upstreamlint suppresses any check and exclusion rules can
// match one check with text: "^passthrough: ". Diagnostics reach
// golangci-lint without related information (see withoutRelated).
package upstreamlint

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/checks"
	"github.com/upstreamlint/upstreamlint/driver/hosted"
	"github.com/upstreamlint/upstreamlint/driver/runner"
	"github.com/upstreamlint/upstreamlint/internal/suggest"
	"github.com/upstreamlint/upstreamlint/leak"
	"github.com/upstreamlint/upstreamlint/passthrough"
	"github.com/upstreamlint/upstreamlint/softerror"
)

// Name is the linter name under which golangci-lint runs the checks.
const Name = "upstreamlint"

func init() {
	register.Plugin(Name, New)
}

// Settings is the settings block of linters.settings.custom.upstreamlint
// in .golangci.yml: the settings of the shared analysis, then one
// section per check.
type Settings struct {
	// Deps are import paths of your dependency client packages (and the
	// packages below them): their errors are dependency errors for every
	// check (-upstreamfacts.deps). It configures the analysis the checks
	// share.
	Deps []string `json:"deps"`
	// Budget is the work the provenance engine may spend on one function
	// before it gives up on it, silently (-upstreamfacts.budget; unset:
	// the default). It configures the analysis the checks share.
	Budget *int `json:"budget"`
	// WholeProgram turns the whole-program join on or off
	// (-upstreamfacts.whole; unset: on). On, each package gets the
	// findings the standalone command gives it (package driver/hosted);
	// off, each package is analysed with its imports' facts only.
	WholeProgram *bool `json:"whole-program"`

	Passthrough PassthroughSettings `json:"passthrough"`
	Leak        LeakSettings        `json:"leak"`
	Softerror   SofterrorSettings   `json:"softerror"`
}

// checks binds each section of s to its check: one line per check.
//
// A section is a struct with Enable (a *bool, unset means enabled) and
// one field per flag of the check, whose json name is the flag's name:
// string, []string (joined with commas and set once, so a flag that
// replaces a default list gets the whole list), *bool or *int. Unset
// fields (empty string, nil) leave the check's default.
func (s *Settings) checks() []check {
	return []check{
		newCheck(&s.Passthrough, passthrough.New, passthrough.DefaultConfig),
		newCheck(&s.Leak, leak.New, leak.DefaultConfig),
		newCheck(&s.Softerror, softerror.New, softerror.DefaultConfig),
	}
}

// PassthroughSettings configures the passthrough check (flags -passthrough.*).
type PassthroughSettings struct {
	Enable     *bool    `json:"enable"`     // default true
	Mapper     string   `json:"mapper"`     // import/path.Func, a func(int) int
	CodeMapper string   `json:"codemapper"` // import/path.Func, a func(codes.Code) codes.Code (gRPC)
	Allow      []string `json:"allow"`      // function or package patterns
}

// LeakSettings configures the leak check (flags -leak.*).
type LeakSettings struct {
	Enable    *bool    `json:"enable"`    // default true
	PublicMsg string   `json:"publicmsg"` // import/path.Func, a func(error) string
	Allow     []string `json:"allow"`     // function or package patterns
}

// SofterrorSettings configures the softerror check (flags -softerror.*).
type SofterrorSettings struct {
	Enable     *bool    `json:"enable"`     // default true
	ErrorKeys  []string `json:"errorkeys"`  // replaces the default list
	MetaKeys   []string `json:"metakeys"`   // replaces the default list
	Envelopes  *bool    `json:"envelopes"`  // default true: 200 envelopes that say failure
	FlagKeys   []string `json:"flagkeys"`   // replaces the default list
	StatusKeys []string `json:"statuskeys"` // replaces the default list
	DataKeys   []string `json:"datakeys"`   // replaces the default list
	Allow      []string `json:"allow"`      // function or package patterns
}

// check is one check of the plugin: its settings section and a
// constructor of fresh analyzers with the check's defaults, on an
// instance of the shared analysis.
type check struct {
	section any // pointer to the section's struct
	new     func(shared *analysis.Analyzer) *analysis.Analyzer
}

func newCheck[C any](section any, newAnalyzer func(*analysis.Analyzer, C) *analysis.Analyzer, defaults func() C) check {
	return check{section: section, new: func(shared *analysis.Analyzer) *analysis.Analyzer { return newAnalyzer(shared, defaults()) }}
}

// enabled reports the section's enable switch; unset means enabled.
func (c check) enabled() bool {
	v := reflect.ValueOf(c.section).Elem()
	for i := range v.NumField() {
		if jsonName(v.Type().Field(i)) == "enable" {
			e, _ := v.Field(i).Interface().(*bool)
			return e == nil || *e
		}
	}
	return true
}

// build returns a fresh analyzer of the check on shared with the
// section's options set through its flags, exactly as -<check>.<option>
// would set them.
func (c check) build(shared *analysis.Analyzer) (*analysis.Analyzer, error) {
	a := c.new(shared)
	v := reflect.ValueOf(c.section).Elem()
	for i := range v.NumField() {
		key := jsonName(v.Type().Field(i))
		if key == "enable" {
			continue
		}
		if a.Flags.Lookup(key) == nil {
			return nil, fmt.Errorf("internal error: %s has no flag -%s.%s", a.Name, a.Name, key)
		}
		value, set, err := flagValue(v.Field(i))
		if err != nil {
			return nil, fmt.Errorf("internal error: %s.%s: %v", a.Name, key, err)
		}
		if !set {
			continue
		}
		if err := a.Flags.Set(key, value); err != nil {
			return nil, fmt.Errorf("%s.%s: %w", a.Name, key, err)
		}
	}
	return a, nil
}

// flagValue returns the flag value of a settings field, and whether the
// field is set at all.
func flagValue(v reflect.Value) (string, bool, error) {
	switch x := v.Interface().(type) {
	case string:
		return x, x != "", nil
	case []string:
		return strings.Join(x, ","), x != nil, nil
	case *bool:
		if x == nil {
			return "", false, nil
		}
		return strconv.FormatBool(*x), true, nil
	case *int:
		if x == nil {
			return "", false, nil
		}
		return strconv.Itoa(*x), true, nil
	}
	return "", false, fmt.Errorf("unsupported settings type %s", v.Type())
}

// shared returns a fresh instance of the shared analysis with the
// settings of s, set through its flags exactly as -upstreamfacts.deps
// and -upstreamfacts.budget would set them. Each plugin has its own:
// two plugins in one process (golangci-lint may build several) share
// nothing.
func (s Settings) shared() (*analyzer.Shared, error) {
	sh := analyzer.New(analyzer.DefaultConfig())
	if s.Budget != nil {
		if err := sh.Analyzer.Flags.Set("budget", strconv.Itoa(*s.Budget)); err != nil {
			return nil, fmt.Errorf("budget: %w", err)
		}
	}
	if s.Deps != nil {
		if err := sh.Analyzer.Flags.Set("deps", strings.Join(s.Deps, ",")); err != nil {
			return nil, fmt.Errorf("deps: %w", err)
		}
	}
	if s.WholeProgram != nil {
		if err := sh.Analyzer.Flags.Set("whole", strconv.FormatBool(*s.WholeProgram)); err != nil {
			return nil, fmt.Errorf("whole-program: %w", err)
		}
	}
	return sh, nil
}

// plugin is the golangci-lint plugin for one set of settings.
type plugin struct {
	settings Settings
	// host gives every package the whole program's findings, computed
	// once per module for every BuildAnalyzers of the plugin (nil with
	// whole-program: false)
	host *hosted.Host
}

var _ register.LinterPlugin = (*plugin)(nil)

// New decodes and validates the settings golangci-lint passes (the
// settings block of the custom linter, nil when there is none).
func New(raw any) (register.LinterPlugin, error) {
	s, err := decodeSettings(raw)
	if err != nil {
		return nil, fmt.Errorf("%s settings: %w", Name, err)
	}
	p := &plugin{settings: s}
	if _, err := p.BuildAnalyzers(); err != nil { // validates every option
		return nil, err
	}
	if p.host != nil && lintRun(os.Args[1:]) {
		// golangci-lint run builds its linters before it loads the
		// packages: the whole program, computed now, has given its memory
		// back before golangci-lint holds theirs (computed at the first
		// package, it would add to it)
		if wd, err := os.Getwd(); err == nil {
			if err := p.host.Prepare(wd); err != nil {
				return nil, settingError(err) // a function setting that does not resolve
			}
		}
	}
	return p, nil
}

// BuildAnalyzers returns fresh analyzers of the enabled checks, each
// bound to its own copy of the settings, on a fresh instance of the
// shared analysis with the shared settings.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	shared, err := p.settings.shared()
	if err != nil {
		return nil, fmt.Errorf("%s settings: %w", Name, err)
	}
	var built []*analysis.Analyzer
	for _, c := range p.settings.checks() {
		if !c.enabled() {
			continue
		}
		a, err := c.build(shared.Analyzer)
		if err != nil {
			return nil, fmt.Errorf("%s settings: %w", Name, err)
		}
		built = append(built, a)
	}
	// golangci-lint hands the analysis one package at a time: the host
	// gives each the findings of the whole program (one computation per
	// module and process, with the runner and its results cache).
	if shared.Whole() {
		if p.host == nil {
			p.host = hosted.New(hosted.Config{Shared: shared, Checks: built, New: checks.New})
		}
		shared.SetHost(p.host)
	}
	// A package analysed on its own checks a function setting whose
	// package it does not import with the go command.
	shared.SetFuncLoader(runner.LoadFuncPackage)
	out := make([]*analysis.Analyzer, len(built))
	for i, a := range built {
		out[i] = withSettingErrors(withoutRelated(a))
	}
	return out, nil
}

// withSettingErrors makes a's analysis fail with a function setting that
// does not resolve (analyzer.SettingError) in the words of the other
// errors of the settings (settingError). a is a fresh analyzer.
func withSettingErrors(a *analysis.Analyzer) *analysis.Analyzer {
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		res, err := run(pass)
		return res, settingError(err)
	}
	return a
}

// settingError words an error of a function setting that does not
// resolve in the build (-passthrough.mapper=example.com/x.F: package …)
// as the plugin's other errors of its settings: naming the key.
func settingError(err error) error {
	var setting *analyzer.SettingError
	if errors.As(err, &setting) {
		return fmt.Errorf("%s settings: %s: %s: %s", Name, setting.Setting, setting.Value, setting.Reason)
	}
	return err
}

// lintRun reports whether golangci-lint's command line (without the
// program name) is golangci-lint run: its first argument that is not a
// flag. Other commands (linters, formatters) build the linters too, and
// need no whole program. A flag given its value as the next argument
// ("-c file") reads as another command: the whole program is then
// computed at the first package instead, with more memory held at once.
func lintRun(args []string) bool {
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			return a == "run"
		}
	}
	return false
}

// withoutRelated makes a report its diagnostics without related
// information. golangci-lint turns each related position into an issue
// of its own ("passthrough(related information): upstream call …"),
// which doubles every finding and survives a //nolint:upstreamlint on
// the finding's line; the message already names the forwarded value.
// a is a fresh analyzer: the package-level ones are never changed.
func withoutRelated(a *analysis.Analyzer) *analysis.Analyzer {
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			d.Related = nil
			pass.Report(d)
		}
		return run(&p)
	}
	return a
}

// GetLoadMode asks for type information: the checks follow values
// through SSA and facts.
func (*plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// decodeSettings decodes raw strictly: an unknown key anywhere is an
// error naming its full path and the keys allowed there, and a value of
// the wrong type is an error naming the key and the expected type.
func decodeSettings(raw any) (Settings, error) {
	data, err := json.Marshal(raw)
	if err != nil {
		return Settings{}, fmt.Errorf("encoding settings: %w", err)
	}
	var tree any
	if err := json.Unmarshal(data, &tree); err != nil {
		return Settings{}, fmt.Errorf("encoding settings: %w", err)
	}
	if err := checkKeys(tree, reflect.TypeFor[Settings](), ""); err != nil {
		return Settings{}, err
	}
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			where := settingPath(typeErr.Field)
			if where == "" {
				where = "the settings"
			}
			return Settings{}, fmt.Errorf("%s: got %s, want %s", where, jsonKind(typeErr.Value), describe(typeErr.Type))
		}
		return Settings{}, err
	}
	return s, nil
}

// settingPath is the key path of a decoding error without list indices:
// Go 1.27's encoding/json names the element ("allow.0"), Go 1.26's the
// list ("allow"); the message names the setting, the same on both.
func settingPath(field string) string {
	parts := strings.Split(field, ".")
	parts = slices.DeleteFunc(parts, func(p string) bool {
		_, err := strconv.Atoi(p)
		return err == nil
	})
	return strings.Join(parts, ".")
}

// checkKeys reports the first key of v that has no field in t. Values
// of the wrong type are left to the decoder.
func checkKeys(v any, t reflect.Type, path string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	obj, ok := v.(map[string]any)
	if !ok || t.Kind() != reflect.Struct {
		return nil
	}
	fields := make(map[string]reflect.Type)
	var names []string
	for i := range t.NumField() {
		name := jsonName(t.Field(i))
		fields[name] = t.Field(i).Type
		names = append(names, name)
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		ft, ok := fields[strings.ToLower(k)] // encoding/json matches names without regard to case
		if !ok {
			known := "known keys"
			if path != "" {
				known += " of " + path
			}
			hint := ""
			if meant := meantKey(path, strings.ToLower(k), names); meant != "" {
				hint = ": did you mean " + meant + "?" // the words of the flag hint
			}
			return fmt.Errorf("unknown key %q%s (%s: %s)", join(path, k), hint, known, strings.Join(names, ", "))
		}
		if err := checkKeys(obj[k], ft, join(path, k)); err != nil {
			return err
		}
	}
	return nil
}

// meantKey returns the key, with its path, that key at path (which
// names has not) most likely meant, or "": the nearest key there by the
// rule of the flag hint (suggest.Option: pasthrough for passthrough,
// whole for whole-program), else the one key of that name elsewhere (a
// key at the wrong level: mapper for passthrough.mapper, deps under a
// check for the top-level deps).
func meantKey(path, key string, names []string) string {
	if best := suggest.Option(key, names); best != "" {
		return join(path, best)
	}
	var elsewhere []string
	var walk func(t reflect.Type, at string)
	walk = func(t reflect.Type, at string) {
		for i := range t.NumField() {
			f := t.Field(i)
			name := join(at, jsonName(f))
			if jsonName(f) == key && at != path {
				elsewhere = append(elsewhere, name)
			}
			if f.Type.Kind() == reflect.Struct {
				walk(f.Type, name)
			}
		}
	}
	walk(reflect.TypeFor[Settings](), "")
	if len(elsewhere) != 1 {
		return "" // none, or one per check (allow, enable): no guess
	}
	return elsewhere[0]
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" {
		return strings.ToLower(f.Name)
	}
	return name
}

// jsonKind names a JSON value kind as UnmarshalTypeError reports it.
func jsonKind(v string) string {
	switch v {
	case "array":
		return "a list"
	case "object":
		return "a mapping"
	case "bool":
		return "a boolean"
	case "number":
		return "a number"
	}
	if strings.HasPrefix(v, "number ") {
		return "the number " + strings.TrimPrefix(v, "number ")
	}
	return "a " + v
}

// describe names the type a setting expects, in the terms of YAML.
func describe(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return describe(t.Elem())
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64:
		return "an integer"
	case reflect.Slice:
		return "a list of " + strings.TrimPrefix(strings.TrimPrefix(describe(t.Elem()), "a "), "an ") + "s"
	case reflect.Struct:
		return "a mapping"
	}
	return t.String()
}
