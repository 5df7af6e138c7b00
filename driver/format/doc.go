// Package format writes the findings of a run in the output formats of
// the command, each behind the [Formatter] interface:
//
//	Text    the linters' convention, "path:line:col: message (check)"
//	JSON    the go/analysis JSON tree (as multichecker and go vet -json)
//	SARIF   SARIF 2.1.0, for GitHub code scanning
//	GitHub  GitHub Actions workflow commands (annotations)
//	RDJSON  reviewdog's Diagnostic Result JSON
//
// It works over a neutral model of a run's findings ([Report],
// [Finding]: positions, messages, checks, related locations, fixes),
// which the driver builds from what the analysis reported; [Sources]
// locates positions in the files the ways the formats count them.
package format
