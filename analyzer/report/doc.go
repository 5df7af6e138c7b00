// Package report turns what a check finds with the engine (package
// analyzer) into diagnostics: it maps SSA back to syntax, honours the
// suppression directives (//upstreamlint:ignore CHECK -- reason) and the
// check's allowlist, skips generated and test files and functions the
// engine gave up on, names the upstream call (and, after the
// whole-program join, its implementations) as related information, and
// builds the edits of suggested fixes (wrapping an expression, adding an
// import where gofmt keeps it). NewCheck is the preamble every check
// shares.
package report
