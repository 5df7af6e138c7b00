package driver

import (
	"cmp"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/upstreamlint/upstreamlint/driver/format"
)

// formatter returns the formatter of -format for a run in the module
// whose root is root.
func (c *Command) formatter(o *options, root string) format.Formatter {
	switch o.format {
	case "json":
		return format.JSON{}
	case "sarif":
		return format.SARIF{}
	case "rdjson":
		return format.RDJSON{}
	case "github":
		prefix := o.pathPrefix
		if prefix == nil {
			p := repoPrefix(root)
			prefix = &p
		}
		// the step fails on findings unless -exit-zero: errors, else warnings
		return format.GitHub{Prefix: filepath.ToSlash(*prefix), Warning: o.exitZero}
	}
	dir := ""
	if !o.abs {
		dir = c.workDir()
	}
	return format.Text{Context: o.context, Dir: dir}
}

// repoPrefix returns the path of dir in its git repository ("a/b"), ""
// at the repository's root or outside a repository.
func repoPrefix(dir string) string {
	p, err := git(dir, "rev-parse", "--show-prefix")
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(strings.TrimSpace(p), "/")
}

// report converts a result into the formats' model: findings are those
// to report (all of res.findings, or those -fix left), suppressed how
// many the baseline suppressed.
func (res *result) report(tool Tool, version string, findings []*finding, suppressed int) *format.Report {
	r := &format.Report{
		Tool:           tool.Name,
		URL:            tool.URL,
		Version:        version,
		Root:           res.root,
		LoadErrors:     res.loadErrors,
		AnalysisErrors: res.analysisErrors,
		Suppressed:     suppressed,
		Read:           res.src.Read,
	}
	// The checks that ran: those of the root actions, sorted by name.
	var analyzers []*analysis.Analyzer
	for _, act := range res.roots {
		if !slices.Contains(analyzers, act.Analyzer) {
			analyzers = append(analyzers, act.Analyzer)
		}
	}
	slices.SortFunc(analyzers, func(a, b *analysis.Analyzer) int { return strings.Compare(a.Name, b.Name) })
	for _, a := range analyzers {
		r.Rules = append(r.Rules, format.Rule{Name: a.Name, Doc: a.Doc, URL: a.URL})
	}
	for act := range res.actions() {
		if act.Err != nil {
			r.Failed = append(r.Failed, format.Failure{Package: act.Package.ID, Check: act.Analyzer.Name, Err: act.Err.Error()})
		}
	}
	for _, f := range findings {
		r.Findings = append(r.Findings, res.model(f))
	}
	return r
}

// model converts a finding into the formats' model.
func (res *result) model(f *finding) *format.Finding {
	fset := f.act.Package.Fset
	d := f.diag
	out := &format.Finding{
		Package:   f.act.Package.ID,
		Check:     f.check(),
		Index:     f.index,
		Category:  d.Category,
		Message:   d.Message,
		URL:       cmp.Or(d.URL, f.act.Analyzer.URL),
		At:        format.Range{Posn: fset.Position(d.Pos), End: fset.Position(cmp.Or(d.End, d.Pos)), Span: f.at},
		Generated: res.files[f.at.File],
	}
	for _, rel := range d.Related {
		out.Related = append(out.Related, format.Related{At: res.src.Range(fset, rel.Pos, rel.End), Message: rel.Message})
	}
	for _, fix := range d.SuggestedFixes {
		ff := format.Fix{Message: fix.Message}
		for _, e := range fix.TextEdits {
			ff.Edits = append(ff.Edits, format.Edit{
				Filename: fset.Position(e.Pos).Filename,
				Start:    fset.Position(e.Pos).Offset,
				End:      fset.Position(e.End).Offset,
				Span:     res.src.Span(fset, e.Pos, e.End),
				Text:     string(e.NewText),
			})
		}
		out.Fixes = append(out.Fixes, ff)
	}
	return out
}
