// Package httpclient is a stub of gojek/heimdall's retrying client: a
// concrete client whose methods return net/http's response.
package httpclient

import (
	"io"
	"net/http"
)

type Client struct{}

func NewClient() *Client { return &Client{} }

func (c *Client) Get(url string, headers http.Header) (*http.Response, error) { return nil, nil }
func (c *Client) Post(url string, body io.Reader, headers http.Header) (*http.Response, error) {
	return nil, nil
}
