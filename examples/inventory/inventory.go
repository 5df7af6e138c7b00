// Package inventory is a small client for the internal inventory service.
// It only reads statuses: it answers nobody, so it has nothing to report.
// Its helpers return the inventory's status, which upstreamlint records as
// a fact so that handlers in other packages forwarding it are found.
package inventory

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// DefaultBaseURL is where the inventory service lives inside the cluster.
const DefaultBaseURL = "http://inventory.internal"

// Client calls the inventory service.
type Client struct {
	BaseURL string
	HTTP    *http.Client
}

// New returns a Client for baseURL with a sensible timeout.
func New(baseURL string) *Client {
	return &Client{BaseURL: baseURL, HTTP: &http.Client{Timeout: 2 * time.Second}}
}

// Lookup fetches item id. It returns the inventory's HTTP status and body
// as they are: deciding what they mean is up to the caller.
func (c *Client) Lookup(ctx context.Context, id string) (status int, body []byte, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+"/items/"+url.PathEscape(id), nil)
	if err != nil {
		return 0, nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return 0, nil, fmt.Errorf("inventory lookup %s: %w", id, err)
	}
	defer resp.Body.Close()
	body, err = io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return 0, nil, fmt.Errorf("inventory lookup %s: %w", id, err)
	}
	return resp.StatusCode, body, nil
}

// StatusOf returns the status of an inventory response.
func StatusOf(resp *http.Response) int { return resp.StatusCode }
