// Package stock implements the api package's Stock on the inventory
// gRPC service; api does not import it (main wires it in).
package stock

import (
	"context"
	"fmt"

	"example.com/e2eframeworks/pb"
)

type Inventory struct{ Client pb.InventoryClient }

func (i *Inventory) Item(ctx context.Context, id string) (string, error) {
	item, err := i.Client.GetItem(ctx, &pb.GetItemRequest{Id: id})
	if err != nil {
		return "", fmt.Errorf("stock: %w", err)
	}
	return item.GetName(), nil
}
