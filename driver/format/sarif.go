package format

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
)

// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), the
// part of it this driver writes.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}

	sarifRun struct {
		Tool               sarifTool                        `json:"tool"`
		Invocations        []sarifInvocation                `json:"invocations"`
		OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
		Results            []sarifResult                    `json:"results"`
		ColumnKind         string                           `json:"columnKind"`
	}

	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}

	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}

	sarifRule struct {
		ID                   string        `json:"id"`
		ShortDescription     sarifMessage  `json:"shortDescription"`
		FullDescription      sarifMessage  `json:"fullDescription"`
		Help                 sarifMessage  `json:"help"`
		HelpURI              string        `json:"helpUri,omitempty"`
		DefaultConfiguration sarifRuleConf `json:"defaultConfiguration"`
	}

	sarifRuleConf struct {
		Level string `json:"level"`
	}

	// sarifMessage is a message or a multiformatMessageString.
	sarifMessage struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}

	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}

	sarifNotification struct {
		Level   string       `json:"level"`
		Message sarifMessage `json:"message"`
	}

	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifMessage      `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
		CodeFlows           []sarifCodeFlow   `json:"codeFlows,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Fixes               []sarifFix        `json:"fixes,omitempty"`
	}

	sarifLocation struct {
		ID               int           `json:"id,omitempty"`
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
		Message          *sarifMessage `json:"message,omitempty"`
	}

	// sarifCodeFlow is the path of a finding: from the upstream call to
	// the sink, as code scanning shows CodeQL's path-problems.
	sarifCodeFlow struct {
		ThreadFlows []sarifThreadFlow `json:"threadFlows"`
	}

	sarifThreadFlow struct {
		Locations []sarifThreadFlowLocation `json:"locations"`
	}

	sarifThreadFlowLocation struct {
		Location sarifLocation `json:"location"`
	}

	sarifPhysical struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           sarifRegion           `json:"region"`
	}

	sarifArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}

	// sarifRegion counts columns in UTF-16 code units (the run's
	// columnKind); endColumn is exclusive.
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}

	sarifFix struct {
		Description     sarifMessage          `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}

	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Replacements     []sarifReplacement    `json:"replacements"`
	}

	sarifReplacement struct {
		DeletedRegion   sarifRegion   `json:"deletedRegion"`
		InsertedContent *sarifMessage `json:"insertedContent,omitempty"` // an artifactContent: {"text": ...}
	}
)

// srcRoot is the base of the relative URIs: the module root.
const srcRoot = "%SRCROOT%"

// fingerprintKey names the partial fingerprint of results.
const fingerprintKey = "upstreamlintFingerprint/v1"

// SARIF prints one SARIF run with a rule per check.
type SARIF struct{}

func (SARIF) Format(w io.Writer, r *Report) error {
	var rules []sarifRule
	ruleIndex := make(map[string]int)
	for _, rule := range r.Rules {
		ruleIndex[rule.Name] = len(rules)
		rules = append(rules, sarifRuleOf(rule))
	}
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           r.Tool,
			Version:        r.Version,
			InformationURI: r.URL,
			Rules:          rules,
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: len(r.LoadErrors)+len(r.AnalysisErrors) == 0}},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{
			srcRoot: {URI: fileURI(r.Root) + "/"},
		},
		Results:    []sarifResult{},
		ColumnKind: "utf16CodeUnits",
	}
	for _, e := range slices.Concat(r.LoadErrors, r.AnalysisErrors) {
		inv := &run.Invocations[0]
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "error", Message: sarifMessage{Text: e}})
	}

	occurrences := make(map[string]int)
	for _, f := range r.Findings {
		res := sarifResult{
			RuleID:    f.Check,
			RuleIndex: ruleIndex[f.Check],
			Level:     "warning",
			Message:   sarifMessage{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalOf(f.At.Span)}},
		}
		for i, rel := range f.Related {
			msg := sarifMessage{Text: rel.Message}
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID:               i + 1,
				PhysicalLocation: sarifPhysicalOf(rel.At.Span),
				Message:          &msg,
			})
		}
		res.CodeFlows = sarifCodeFlowOf(f)
		fp := fingerprint(f)
		occurrences[fp]++
		res.PartialFingerprints = map[string]string{fingerprintKey: fmt.Sprintf("%s:%d", fp, occurrences[fp])}
		for _, fix := range f.Fixes {
			res.Fixes = append(res.Fixes, sarifFixOf(fix))
		}
		run.Results = append(run.Results, res)
	}
	return writeIndented(w, sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

func sarifRuleOf(a Rule) sarifRule {
	short, rest := SplitDoc(a.Doc)
	full := rest
	if full == "" {
		full = short
	}
	help := sarifMessage{Text: strings.TrimSpace(a.Doc), Markdown: "**" + short + "**"}
	if rest != "" {
		help.Markdown += "\n\n" + rest
	}
	if a.URL != "" {
		help.Markdown += fmt.Sprintf("\n\n[Documentation](%s)", a.URL)
	}
	return sarifRule{
		ID:                   a.Name,
		ShortDescription:     sarifMessage{Text: short},
		FullDescription:      sarifMessage{Text: full},
		Help:                 help,
		HelpURI:              a.URL,
		DefaultConfiguration: sarifRuleConf{Level: "warning"},
	}
}

// sarifCodeFlowOf returns the path of a finding that has related
// locations (the upstream call, the implementations it reached): those
// steps in order, then the sink; none for a finding without them.
func sarifCodeFlowOf(f *Finding) []sarifCodeFlow {
	if len(f.Related) == 0 {
		return nil
	}
	var steps []sarifThreadFlowLocation
	for _, rel := range f.Related {
		msg := sarifMessage{Text: rel.Message}
		steps = append(steps, sarifThreadFlowLocation{Location: sarifLocation{PhysicalLocation: sarifPhysicalOf(rel.At.Span), Message: &msg}})
	}
	sink := sarifMessage{Text: "sent to the client (" + f.Check + ")"}
	steps = append(steps, sarifThreadFlowLocation{Location: sarifLocation{PhysicalLocation: sarifPhysicalOf(f.At.Span), Message: &sink}})
	return []sarifCodeFlow{{ThreadFlows: []sarifThreadFlow{{Locations: steps}}}}
}

func sarifPhysicalOf(s Span) sarifPhysical {
	return sarifPhysical{ArtifactLocation: sarifArtifactOf(s), Region: sarifRegionOf(s)}
}

// sarifArtifact locates a file relative to the module root, or by an
// absolute file URI when it lies outside.
func sarifArtifactOf(s Span) sarifArtifactLocation {
	if s.Outside {
		return sarifArtifactLocation{URI: fileURI(s.File)}
	}
	return sarifArtifactLocation{URI: (&url.URL{Path: s.Rel}).String(), URIBaseID: srcRoot}
}

func sarifRegionOf(s Span) sarifRegion {
	return sarifRegion{
		StartLine:   s.Start.Line,
		StartColumn: s.Start.Col16,
		EndLine:     s.End.Line,
		EndColumn:   s.End.Col16,
	}
}

// sarifFixOf converts a suggested fix: its edits grouped by file, in order.
func sarifFixOf(fix Fix) sarifFix {
	out := sarifFix{Description: sarifMessage{Text: fix.Message}, ArtifactChanges: []sarifArtifactChange{}}
	for _, e := range sortedEdits(fix) {
		var change *sarifArtifactChange
		for i := range out.ArtifactChanges {
			if out.ArtifactChanges[i].ArtifactLocation == sarifArtifactOf(e.Span) {
				change = &out.ArtifactChanges[i]
			}
		}
		if change == nil {
			out.ArtifactChanges = append(out.ArtifactChanges, sarifArtifactChange{ArtifactLocation: sarifArtifactOf(e.Span)})
			change = &out.ArtifactChanges[len(out.ArtifactChanges)-1]
		}
		repl := sarifReplacement{DeletedRegion: sarifRegionOf(e.Span)}
		if e.Text != "" {
			repl.InsertedContent = &sarifMessage{Text: e.Text}
		}
		change.Replacements = append(change.Replacements, repl)
	}
	return out
}

// sortedEdits returns the edits of fix sorted by file and position.
func sortedEdits(fix Fix) []Edit {
	list := slices.Clone(fix.Edits)
	slices.SortStableFunc(list, func(a, b Edit) int {
		if c := strings.Compare(a.Span.Rel, b.Span.Rel); c != 0 {
			return c
		}
		return a.Span.Start.Offset - b.Span.Start.Offset
	})
	return list
}

// fingerprint identifies a finding across commits that move it: it hashes
// the check, the file, the message and the trimmed text of the line, not
// line numbers. Findings equal in all of these are told apart by the
// occurrence count the caller appends.
func fingerprint(f *Finding) string {
	h := sha256.New()
	for _, s := range []string{f.Check, f.At.Span.Rel, f.Message, f.At.Span.LineText} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// fileURI returns the file: URI of an absolute file name.
func fileURI(name string) string {
	p := filepath.ToSlash(name)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x -> /C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// writeIndented writes v as indented JSON, with <, > and & as they are.
func writeIndented(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
