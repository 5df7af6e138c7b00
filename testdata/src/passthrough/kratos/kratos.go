// Package kratos: an upstream HTTP status made the code of a kratos error.
package kratos

import (
	"context"
	"net/http"

	"github.com/go-kratos/kratos/v2/errors"
)

var client = &http.Client{}

func fetch(ctx context.Context) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return errors.ServiceUnavailable("INVENTORY", "inventory unavailable")
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.StatusCode, "INVENTORY", "inventory failed") // want `upstream status resp.StatusCode is forwarded to the client; map it to a status of this service`
	}
	return nil
}

func mapped(ctx context.Context) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return errors.ServiceUnavailable("INVENTORY", "inventory unavailable")
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 {
		return errors.New(http.StatusBadGateway, "INVENTORY", "inventory failed")
	}
	return nil
}
