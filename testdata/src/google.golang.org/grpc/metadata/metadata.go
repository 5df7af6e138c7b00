// Package metadata is a minimal stub of google.golang.org/grpc/metadata v1.85.0.
package metadata

import "context"

// MD is a mapping from metadata keys to values.
type MD map[string][]string

// New creates an MD from a given key-value map.
func New(m map[string]string) MD { return MD{} }

// Pairs returns an MD formed by the mapping of key, value ...
func Pairs(kv ...string) MD { return MD{} }

// NewOutgoingContext creates a new context with outgoing md attached.
func NewOutgoingContext(ctx context.Context, md MD) context.Context { return ctx }

// FromIncomingContext returns the incoming metadata in ctx if it exists.
func FromIncomingContext(ctx context.Context) (MD, bool) { return nil, false }
