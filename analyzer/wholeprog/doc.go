// Package wholeprog is the whole-program join: it resolves the dynamic
// calls (interface methods and function-valued fields) that one package
// cannot see through, over the summaries of every package of the
// program. The join is a value (Program) that the runner passes in; no
// state is kept in the package.
//
// Facts flow only from a package's imports, so a call through an
// interface (or a function-valued field) whose implementations live in
// sibling packages, wired in main, is unknown to a per-package host. The
// standalone driver, which has the whole program, resolves them in two
// phases, on per-package summaries only:
//
//  1. Every package is analysed as usual, but with dynamic labels
//     (Shared.Collect): the result of a call through an interface or a
//     func-typed field of the module is a symbolic KindDynamic label
//     that facts carry, as they carry parameters. Each package of the
//     linted modules records what the join needs in a PackageSummary:
//     its facts, the keys it met, the types it converts to interfaces
//     with their method sets, the functions it stores into fields, the
//     error handlers it installs, its envelope calls. A summary names
//     everything (full names, import paths, method signatures spelled
//     with import paths, file:line:col), so that it can be cached.
//  2. Join computes, for each dynamic key, the union of the summaries of
//     its implementations: the methods of the module's types that are
//     converted to an interface somewhere in the program and implement
//     it (class-hierarchy analysis restricted to converted types, as in
//     rapid type analysis; a type implements an interface when its
//     method set holds each of its methods, by name and signature), and
//     the functions stored into the field. It substitutes dynamic labels
//     in those summaries transitively (a handler's service whose
//     repository is itself an interface), and in every fact. The
//     packages whose findings can change (they saw a key the join
//     resolved) are analysed again with the program installed
//     (Shared.SetProgram): their dynamic calls
//     take the joined summaries, their imports the resolved facts; every
//     other package does nothing.
//
// Per-package hosts (go vet, golangci-lint, nogo) never make dynamic
// labels: for them nothing changes.
package wholeprog
