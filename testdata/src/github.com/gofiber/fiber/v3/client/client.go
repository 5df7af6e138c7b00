// Package client is a minimal stub of github.com/gofiber/fiber/v3/client
// v3.1.0 for analysistest.
package client

// Config for a request.
type Config struct{}

// Response is the result of a request.
type Response struct{}

// Client is the HTTP client.
type Client struct{}

// Get sends a GET request with the default client.
func Get(url string, cfg ...Config) (*Response, error) { return nil, nil }

// Post sends a POST request with the default client.
func Post(url string, cfg ...Config) (*Response, error) { return nil, nil }

// New creates a client.
func New() *Client { return &Client{} }

func (c *Client) Get(url string, cfg ...Config) (*Response, error) { return nil, nil }

func (r *Response) Status() string  { return "" }
func (r *Response) StatusCode() int { return 0 }
func (r *Response) Body() []byte    { return nil }
func (r *Response) String() string  { return "" }
