// Package client is a minimal stub of
// github.com/cloudwego/hertz/pkg/app/client v0.10.4 for analysistest.
package client

import (
	"context"

	"github.com/cloudwego/hertz/pkg/common/config"
	"github.com/cloudwego/hertz/pkg/protocol"
)

// Client implements http client.
type Client struct{}

// NewClient returns a new client.
func NewClient(opts ...config.ClientOption) (*Client, error) { return &Client{}, nil }

// Get returns the status code and body of url.
func (c *Client) Get(ctx context.Context, dst []byte, url string, requestOptions ...config.RequestOption) (statusCode int, body []byte, err error) {
	return 0, nil, nil
}

// Do performs the given http request and fills the given http response.
func (c *Client) Do(ctx context.Context, req *protocol.Request, resp *protocol.Response) error {
	return nil
}

// Do performs the given http request and fills the given http response.
func Do(ctx context.Context, req *protocol.Request, resp *protocol.Response) error { return nil }
