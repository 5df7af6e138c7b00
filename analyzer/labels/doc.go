// Package labels is the provenance vocabulary: a Label says that a part
// of a value came from an upstream call (or, symbolically, from a
// parameter), Labels is a small set of them, and the label operations
// follow a value through field reads, element reads, results and the
// conversions the tables describe (steps). FactLabel is a label's form in
// a fact or a package summary, where positions are strings.
package labels
