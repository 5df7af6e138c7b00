package driver

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/upstreamlint/upstreamlint/driver/format"
	"github.com/upstreamlint/upstreamlint/internal/suggest"
)

// help implements "NAME help [CHECK...]", like the help of multichecker.
func (c *Command) help(stdout, stderr io.Writer, analyzers []*analysis.Analyzer, names []string) int {
	name := c.name()
	if len(names) == 0 {
		fmt.Fprintf(stdout, "%s reports findings in Go packages; it runs standalone (%s ./...)\n", name, name)
		fmt.Fprintf(stdout, "and as a go vet tool (go vet -vettool=$(which %s) ./...).\n\nChecks:\n\n", name)
		sorted := slices.Clone(analyzers)
		slices.SortFunc(sorted, func(a, b *analysis.Analyzer) int { return strings.Compare(a.Name, b.Name) })
		for _, a := range sorted {
			short, _ := format.SplitDoc(a.Doc)
			fmt.Fprintf(stdout, "    %-12s %s\n", a.Name, short)
		}
		fmt.Fprintf(stdout, "\nAll checks run by default; -CHECK runs only the checks named so,\n")
		fmt.Fprintf(stdout, "-CHECK=false all but those. Run '%s help CHECK' for a check's flags,\n", name)
		fmt.Fprintf(stdout, "'%s -help' for the flags of the command.\n", name)
		return ExitClean
	}
	for _, n := range names {
		i := slices.IndexFunc(analyzers, func(a *analysis.Analyzer) bool { return a.Name == n })
		if i < 0 {
			var checks []string
			for _, a := range analyzers {
				checks = append(checks, a.Name)
			}
			hint := ""
			if best, d := suggest.Nearest(strings.ToLower(n), checks); suggest.Near(best, d) {
				hint = fmt.Sprintf(" (did you mean %s?)", best)
			}
			fmt.Fprintf(stderr, "%s: no check named %q%s; the checks are %s\n", name, n, hint, strings.Join(checks, ", "))
			return ExitUsage
		}
		a := analyzers[i]
		short, rest := format.SplitDoc(a.Doc)
		fmt.Fprintf(stdout, "%s: %s\n", a.Name, short)
		fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
		a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, a.Name+"."+f.Name, f.Usage) })
		if hasFlags(&a.Flags) {
			fmt.Fprintf(stdout, "\nFlags:\n\n")
			fs.SetOutput(stdout)
			fs.PrintDefaults()
		}
		if rest != "" {
			fmt.Fprintf(stdout, "\n%s\n", rest)
		}
		if a.URL != "" {
			fmt.Fprintf(stdout, "\nDocumentation: %s\n", a.URL)
		}
	}
	return ExitClean
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}
