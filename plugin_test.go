package upstreamlint_test

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/upstreamlint/upstreamlint"
	"github.com/upstreamlint/upstreamlint/analyzer"
	"github.com/upstreamlint/upstreamlint/analyzer/engine"
	"github.com/upstreamlint/upstreamlint/checks"
	"github.com/upstreamlint/upstreamlint/passthrough"
)

// newPlugin builds the plugin the way golangci-lint does: by name from
// the registry, with the settings block as YAML decodes it.
func newPlugin(t *testing.T, settingsYAML string) (register.LinterPlugin, error) {
	t.Helper()
	newFn, err := register.GetPlugin("upstreamlint")
	require.NoError(t, err, "importing the package registers the plugin")
	var raw any
	require.NoError(t, yaml.Unmarshal([]byte(settingsYAML), &raw))
	return newFn(raw)
}

func buildAnalyzers(t *testing.T, settingsYAML string) []*analysis.Analyzer {
	t.Helper()
	p, err := newPlugin(t, settingsYAML)
	require.NoError(t, err)
	as, err := p.BuildAnalyzers()
	require.NoError(t, err)
	return as
}

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func flagValue(t *testing.T, a *analysis.Analyzer, name string) string {
	t.Helper()
	f := a.Flags.Lookup(name)
	require.NotNil(t, f, "%s has a flag %s", a.Name, name)
	return f.Value.String()
}

func TestPluginConstruction(t *testing.T) {
	p, err := newPlugin(t, "") // no settings block: golangci-lint passes nil
	require.NoError(t, err)
	assert.Equal(t, register.LoadModeTypesInfo, p.GetLoadMode())
	as, err := p.BuildAnalyzers()
	require.NoError(t, err)
	assert.Equal(t, names(checks.All()), names(as), "every check is enabled by default")
	require.NoError(t, analysis.Validate(as))
	for _, a := range as {
		a.Flags.VisitAll(func(f *flag.Flag) {
			assert.Equal(t, f.DefValue, f.Value.String(), "%s.%s keeps its default", a.Name, f.Name)
		})
	}
}

func TestSettingsValid(t *testing.T) {
	as := buildAnalyzers(t, `
passthrough:
  enable: true
  mapper: example.com/svc/httperr.FromUpstream
  allow:
    - example.com/gw/...
    - (*example.com/api.Mirror).ServeHTTP
leak:
  enable: false
softerror:
  errorkeys: [problem, Fault]
  envelopes: false
  datakeys: [payload]
  allow: []
`)
	require.Equal(t, []string{"passthrough", "softerror"}, names(as), "leak is disabled")
	assert.Equal(t, "example.com/svc/httperr.FromUpstream", flagValue(t, as[0], "mapper"))
	assert.Equal(t, "example.com/gw/...,(*example.com/api.Mirror).ServeHTTP", flagValue(t, as[0], "allow"))
	assert.Equal(t, "fault,problem", flagValue(t, as[1], "errorkeys"), "the list replaces the default, as the flag does")
	assert.Equal(t, "", flagValue(t, as[1], "allow"))
	assert.Equal(t, "false", flagValue(t, as[1], "envelopes"), "a team that keeps the business-code convention turns envelopes off")
	assert.Equal(t, "payload", flagValue(t, as[1], "datakeys"))
	require.NoError(t, analysis.Validate(as))

	// Keys match without regard to case, as encoding/json does (golangci-lint
	// lowercases them anyway).
	as = buildAnalyzers(t, `{Passthrough: {Mapper: example.com/m.Map}}`)
	assert.Equal(t, "example.com/m.Map", flagValue(t, as[0], "mapper"))
}

// An unknown key is an error that names it and the keys known there,
// and says "did you mean" the key it most likely meant, as the command
// does for a flag: a key near one of the same level (a misspelled
// check's section too), or the one key of that name at another level.
func TestSettingsUnknownKey(t *testing.T) {
	for _, tc := range []struct{ settings, want string }{
		{`{passthrough: {mapperr: example.com/m.Map}}`, `unknown key "passthrough.mapperr": did you mean passthrough.mapper? (known keys of passthrough: enable, mapper, codemapper, allow)`},
		{`{passthrough: {mappr: example.com/m.Map}}`, `unknown key "passthrough.mappr": did you mean passthrough.mapper? (known keys of passthrough: `},
		{`{passthrough: {Code-Mapper: example.com/m.Map}}`, `unknown key "passthrough.Code-Mapper": did you mean passthrough.codemapper? (`},
		{`{pasthrough: {enable: false}}`, `unknown key "pasthrough": did you mean passthrough? (known keys: deps, budget, whole-program, passthrough, leak, softerror)`},
		{`{soft-error: {envelopes: false}}`, `unknown key "soft-error": did you mean softerror? (`},
		{`{leak: {enabled: false}}`, `unknown key "leak.enabled": did you mean leak.enable? (known keys of leak: enable, publicmsg, allow)`},
		{`{softerror: {errorkey: [fault]}}`, `unknown key "softerror.errorkey": did you mean softerror.errorkeys? (`},
		{`{whole: false}`, `unknown key "whole": did you mean whole-program? (`}, // the flag's name, -upstreamfacts.whole
		{`{mapper: example.com/m.Map}`, `unknown key "mapper": did you mean passthrough.mapper? (known keys: `},
		{`{leak: {deps: [example.com/kv]}}`, `unknown key "leak.deps": did you mean deps? (known keys of leak: `},
		// no guess
		{`{enable: false}`, `unknown key "enable" (known keys: deps, budget, whole-program, passthrough, leak, softerror)`},
		{`{allow: [example.com/gw]}`, `unknown key "allow" (known keys: `},
		{`{passthrough: {xyz: 1}}`, `unknown key "passthrough.xyz" (known keys of passthrough: `},
	} {
		_, err := newPlugin(t, tc.settings)
		if assert.Error(t, err, tc.settings) {
			assert.Contains(t, err.Error(), "upstreamlint settings: "+tc.want)
		}
	}
}

func TestSettingsWrongType(t *testing.T) {
	for _, tc := range []struct{ settings, want string }{
		{`{passthrough: {enable: "yes"}}`, `passthrough.enable: got a string, want true or false`},
		{`{passthrough: {allow: example.com/gw/...}}`, `passthrough.allow: got a string, want a list of strings`},
		{`{passthrough: {allow: [1]}}`, `passthrough.allow: got a number, want a string`},
		{`{passthrough: {mapper: [a, b]}}`, `passthrough.mapper: got a list, want a string`},
		{`{passthrough: true}`, `passthrough: got a boolean, want a mapping`},
		{`{deps: github.com/redis/go-redis/v9}`, `deps: got a string, want a list of strings`},
		{`[passthrough]`, `the settings: got a list, want a mapping`},
	} {
		_, err := newPlugin(t, tc.settings)
		if assert.Error(t, err, tc.settings) {
			assert.Equal(t, "upstreamlint settings: "+tc.want, err.Error())
		}
	}
}

// Values go through the check's own flag, so the plugin rejects exactly
// what the command line rejects, with the same message.
func TestSettingsMalformedValue(t *testing.T) {
	flagErr := passthrough.NewAnalyzer(passthrough.DefaultConfig()).Flags.Set("mapper", "httperr")
	require.Error(t, flagErr)
	_, err := newPlugin(t, `{passthrough: {mapper: httperr}}`)
	require.Error(t, err)
	assert.Equal(t, "upstreamlint settings: passthrough.mapper: "+flagErr.Error(), err.Error())
	assert.Contains(t, err.Error(), `malformed function name "httperr"`)

	_, err = newPlugin(t, `{passthrough: {allow: ["example.com/...gw"]}}`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `passthrough.allow: malformed pattern "example.com/...gw"`)

	_, err = newPlugin(t, `{leak: {publicmsg: apierr.public}}`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `leak.publicmsg: malformed function name "apierr.public"`)

	_, err = newPlugin(t, `{softerror: {errorkeys: []}}`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `softerror.errorkeys: empty key list`)

	_, err = newPlugin(t, `{deps: [example.com/plugintest/ok, "github.com/redis/..."]}`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `upstreamlint settings: deps: malformed import path "github.com/redis/..."`)
	assert.Equal(t, "", flagValue(t, analyzer.Analyzer, "deps"), "the package-level shared analysis is never changed")
}

// sharedOf returns the instance of the shared analysis the analyzers of
// one BuildAnalyzers call require: one for all of them.
func sharedOf(t *testing.T, as []*analysis.Analyzer) *analysis.Analyzer {
	t.Helper()
	require.NotEmpty(t, as)
	shared := as[0].Requires[0]
	for _, a := range as {
		require.Equal(t, []*analysis.Analyzer{shared}, a.Requires, "%s runs on the plugin's shared analysis", a.Name)
	}
	return shared
}

// budget sets the shared engine's work budget, of this plugin's shared
// analysis only; a value that is not a positive count is rejected.
func TestSettingsBudget(t *testing.T) {
	shared := sharedOf(t, buildAnalyzers(t, `{budget: 5000}`))
	assert.Equal(t, "5000", flagValue(t, shared, "budget"))
	assert.Equal(t, strconv.Itoa(engine.DefaultBudget), flagValue(t, sharedOf(t, buildAnalyzers(t, `{}`)), "budget"), "another plugin keeps the default")
	assert.Equal(t, strconv.Itoa(engine.DefaultBudget), flagValue(t, analyzer.Analyzer, "budget"), "the package-level shared analysis is never changed")

	for _, tc := range []struct{ settings, want string }{
		{`{budget: 0, deps: [example.com/plugintest/budget]}`, `upstreamlint settings: budget: malformed count "0": want a whole number greater than zero`},
		{`{budget: -1}`, `upstreamlint settings: budget: malformed count "-1"`},
		{`{budget: many}`, `upstreamlint settings: budget: got a string, want`},
	} {
		_, err := newPlugin(t, tc.settings)
		if assert.Error(t, err, tc.settings) {
			assert.Contains(t, err.Error(), tc.want)
		}
	}
}

// deps configures the analysis the plugin's checks share: each
// BuildAnalyzers call builds one instance with the plugin's deps, and a
// second plugin (or call) neither repeats nor sees them.
func TestSettingsDeps(t *testing.T) {
	p, err := newPlugin(t, `{deps: [example.com/plugintest/kv, example.com/plugintest/cache]}`)
	require.NoError(t, err)
	for range 2 {
		as, err := p.BuildAnalyzers()
		require.NoError(t, err)
		assert.Equal(t, "example.com/plugintest/kv,example.com/plugintest/cache", flagValue(t, sharedOf(t, as), "deps"))
	}
	assert.Equal(t, "", flagValue(t, sharedOf(t, buildAnalyzers(t, `{}`)), "deps"))
	assert.Equal(t, "", flagValue(t, analyzer.Analyzer, "deps"))
}

// whole-program turns the join off (or on) for the plugin's analyses:
// the flag -upstreamfacts.whole of its shared analysis.
func TestSettingsWholeProgram(t *testing.T) {
	assert.Equal(t, "true", flagValue(t, sharedOf(t, buildAnalyzers(t, `{}`)), "whole"), "on by default")
	assert.Equal(t, "false", flagValue(t, sharedOf(t, buildAnalyzers(t, `{whole-program: false}`)), "whole"))
	assert.Equal(t, "true", flagValue(t, analyzer.Analyzer, "whole"), "the package-level shared analysis is never changed")
	_, err := newPlugin(t, `{whole-program: sometimes}`)
	if assert.Error(t, err) {
		assert.Contains(t, err.Error(), "upstreamlint settings: whole-program: got a string, want true or false")
	}
}

func TestDisableEverything(t *testing.T) {
	as := buildAnalyzers(t, `{passthrough: {enable: false}, leak: {enable: false}, softerror: {enable: false}}`)
	assert.Empty(t, as)
}

// Every BuildAnalyzers call returns new analyzers with their own flags:
// neither another plugin's settings nor the package-level analyzers are
// touched.
func TestBuildAnalyzersFresh(t *testing.T) {
	p1, err := newPlugin(t, `{passthrough: {mapper: example.com/one.Map, allow: [example.com/one]}}`)
	require.NoError(t, err)
	p2, err := newPlugin(t, `{passthrough: {mapper: example.com/two.Map}}`)
	require.NoError(t, err)

	a1, err := p1.BuildAnalyzers()
	require.NoError(t, err)
	b1, err := p1.BuildAnalyzers()
	require.NoError(t, err)
	a2, err := p2.BuildAnalyzers()
	require.NoError(t, err)

	for i := range a1 {
		assert.NotSame(t, a1[i], b1[i], "a second call builds new analyzers")
		assert.NotSame(t, a1[i], a2[i])
		assert.NotSame(t, checks.All()[i], a1[i], "never the package-level analyzer")
	}
	assert.Equal(t, "example.com/one.Map", flagValue(t, a1[0], "mapper"))
	assert.Equal(t, "example.com/one", flagValue(t, b1[0], "allow"), "no accumulation across calls")
	assert.Equal(t, "example.com/two.Map", flagValue(t, a2[0], "mapper"))
	assert.Equal(t, "", flagValue(t, a2[0], "allow"))

	// Setting one instance's flag leaves the others alone.
	require.NoError(t, a1[0].Flags.Set("mapper", "example.com/three.Map"))
	assert.Equal(t, "example.com/one.Map", flagValue(t, b1[0], "mapper"))
	assert.Equal(t, "", flagValue(t, passthrough.Analyzer, "mapper"))
	assert.Equal(t, "", flagValue(t, passthrough.Analyzer, "allow"))

	for _, set := range [][]*analysis.Analyzer{a1, b1, a2} {
		require.NoError(t, analysis.Validate(set), "each call's analyzers validate together")
	}
	assert.NotSame(t, sharedOf(t, a1), sharedOf(t, b1), "each call has its own shared analysis")
}

// The settings and the checks cannot drift apart: every check has a
// section, and every section option is a flag of its check and vice versa.
func TestEveryCheckAndFlagHasASetting(t *testing.T) {
	sections := map[string]reflect.Type{}
	st := reflect.TypeFor[upstreamlint.Settings]()
	for i := range st.NumField() {
		if f := st.Field(i); f.Type.Kind() == reflect.Struct {
			sections[jsonName(f)] = f.Type
		}
	}
	for _, a := range checks.All() {
		section, ok := sections[a.Name]
		if !assert.True(t, ok, "check %s has no section in upstreamlint.Settings; add a %sSettings struct and a line in Settings.checks (plugin.go)", a.Name, strings.ToUpper(a.Name[:1])+a.Name[1:]) {
			continue
		}
		var options []string
		for i := range section.NumField() {
			if name := jsonName(section.Field(i)); name != "enable" {
				options = append(options, name)
			}
		}
		var flags []string
		a.Flags.VisitAll(func(f *flag.Flag) { flags = append(flags, f.Name) })
		assert.ElementsMatch(t, flags, options, "the options of %s are its flags", a.Name)
		delete(sections, a.Name)
	}
	assert.Empty(t, sections, "sections without a check")

	// The settings of the shared analysis are its flags.
	var shared []string
	analyzer.Analyzer.Flags.VisitAll(func(f *flag.Flag) { shared = append(shared, f.Name) })
	assert.Equal(t, []string{"budget", "deps", "whole"}, shared, "a new -upstreamfacts flag needs a top-level setting in upstreamlint.Settings")
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return name
}

// golangci-lint turns related information into issues of their own, so
// the plugin's analyzers report without it; the package-level ones keep it.
func TestPluginDiagnosticsHaveNoRelated(t *testing.T) {
	if testing.Short() {
		t.Skip("host machinery (analyses every dependency from source): skipped in -short mode")
	}
	testdata, err := filepath.Abs("testdata")
	require.NoError(t, err)
	as := buildAnalyzers(t, `{leak: {enable: false}, softerror: {enable: false}}`)
	require.Len(t, as, 1)
	results := analysistest.Run(t, testdata, as[0], "passthrough/nethttp")
	require.NotEmpty(t, results[0].Diagnostics)
	for _, d := range results[0].Diagnostics {
		assert.Empty(t, d.Related, d.Message)
	}

	results = analysistest.Run(t, testdata, passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/nethttp")
	related := 0
	for _, d := range results[0].Diagnostics {
		related += len(d.Related)
	}
	assert.NotZero(t, related, "the check itself reports the upstream call as related information")
}

// The example configurations stay valid and complete: golangci-lint's
// part names the plugin as a module linter, and its settings decode,
// validate and show every setting there is.
func TestExampleConfigs(t *testing.T) {
	data, err := os.ReadFile(".golangci.example.yml")
	require.NoError(t, err)
	var cfg struct {
		Version string
		Linters struct {
			Enable   []string
			Settings struct {
				Custom map[string]struct {
					Type     string
					Settings map[string]any
				}
			}
		}
	}
	require.NoError(t, yaml.Unmarshal(data, &cfg))
	assert.Equal(t, "2", cfg.Version)
	assert.Contains(t, cfg.Linters.Enable, "upstreamlint")
	custom, ok := cfg.Linters.Settings.Custom["upstreamlint"]
	require.True(t, ok, "linters.settings.custom.upstreamlint")
	assert.Equal(t, "module", custom.Type)
	newFn, err := register.GetPlugin("upstreamlint")
	require.NoError(t, err)
	_, err = newFn(custom.Settings)
	require.NoError(t, err, "the example settings are valid")
	var missing []string
	var walk func(v map[string]any, typ reflect.Type, path string)
	walk = func(v map[string]any, typ reflect.Type, path string) {
		for i := range typ.NumField() {
			f := typ.Field(i)
			key := path + jsonName(f)
			val, ok := v[jsonName(f)]
			if !ok {
				missing = append(missing, key)
				continue
			}
			if f.Type.Kind() == reflect.Struct {
				sub, _ := val.(map[string]any)
				walk(sub, f.Type, key+".")
			}
		}
	}
	walk(custom.Settings, reflect.TypeFor[upstreamlint.Settings](), "")
	assert.Empty(t, missing, ".golangci.example.yml shows every setting")
	assert.Contains(t, string(data), "//nolint:upstreamlint // ")

	data, err = os.ReadFile(".custom-gcl.example.yml")
	require.NoError(t, err)
	var gcl struct {
		Version string
		Plugins []struct{ Module, Import, Version, Path string }
	}
	require.NoError(t, yaml.Unmarshal(data, &gcl))
	goMod, err := os.ReadFile(filepath.Join("tools", "golangci", "go.mod"))
	require.NoError(t, err)
	assert.Contains(t, string(goMod), "github.com/golangci/golangci-lint/v2 "+gcl.Version+"\n",
		"the example builds the golangci-lint version the e2e test builds")
	require.Len(t, gcl.Plugins, 1)
	assert.Equal(t, "github.com/upstreamlint/upstreamlint", gcl.Plugins[0].Module)
	assert.Equal(t, "github.com/upstreamlint/upstreamlint", gcl.Plugins[0].Import, "the package that registers the plugin")
	assert.NotEmpty(t, gcl.Plugins[0].Version)
}
