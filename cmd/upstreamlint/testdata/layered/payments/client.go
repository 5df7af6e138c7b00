// Package payments is the client of the payment provider.
package payments

import (
	"context"
	"net/http"
)

type Client struct {
	HTTP *http.Client
	URL  string
}

// Charge returns the provider's status.
func (c *Client) Charge(ctx context.Context) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL+"/charge", nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
