// Package engine answers provenance questions about the SSA values of
// one package: does a value come from an upstream call, what status or
// error text reaches a response, which sinks a function reaches, which
// error handlers and gRPC returns a handler's result flows to. It reads
// the tables of package knowledge, summarises functions (per package,
// and through facts across packages) and, in the whole-program runner,
// takes the join's summaries (package wholeprog) for the dynamic calls it
// meets. The checks (passthrough, leak, softerror) ask it their
// questions; see Engine.
package engine
