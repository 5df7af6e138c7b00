// Package chain imports no trigger package: it is analysed because an
// import has upstreamlint facts, and it re-exports a status.
package chain

import (
	"context"

	"example.com/inventory"
)

var inv = &inventory.Client{}

// ItemStatus returns the inventory's status unchanged, two hops from the call.
func ItemStatus(ctx context.Context, id string) int {
	code, _, err := inv.Lookup(ctx, id)
	if err != nil {
		return 0
	}
	return code
}
