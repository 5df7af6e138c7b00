// Package shapes recognises code by its form, with no provenance: the
// callee and arguments of an SSA call, a field's name, the writer and
// handler types of the frameworks, error sentinels and the guards that
// compare against them, constant statuses, what a serializer encodes,
// and the walks that strip conversions from a value. The engine asks
// where a value came from; shapes only says what it is.
package shapes
