package fiber

import (
	"time"

	"github.com/valyala/fasthttp"
)

// Client implements http client.
type Client struct {
	UserAgent                string
	NoDefaultUserAgentHeader bool
}

var defaultClient Client

// Get returns an agent with http method GET.
func Get(url string) *Agent { return defaultClient.Get(url) }

// Get returns an agent with http method GET.
func (c *Client) Get(url string) *Agent { return &Agent{} }

// Post sends POST request to the given URL.
func Post(url string) *Agent { return defaultClient.Post(url) }

// Post sends POST request to the given URL.
func (c *Client) Post(url string) *Agent { return &Agent{} }

// AcquireClient returns an empty Client instance from client pool.
func AcquireClient() *Client { return &Client{} }

// Agent is an object storing all request data for client.
type Agent struct {
	// Name is used in User-Agent request header.
	Name string

	// NoDefaultUserAgentHeader when set to true, causes the default
	// User-Agent header to be excluded from the Request.
	NoDefaultUserAgentHeader bool

	// HostClient is an embedded fasthttp HostClient
	*fasthttp.HostClient

	timeout time.Duration
	errs    []error
}

// Parse initializes URI and HostClient.
func (a *Agent) Parse() error { return nil }

// Set sets the given 'key: value' header.
func (a *Agent) Set(k, v string) *Agent { return a }

// Body sets request body.
func (a *Agent) Body(body []byte) *Agent { return a }

// JSON sends a JSON request.
func (a *Agent) JSON(v interface{}, ctype ...string) *Agent { return a }

// Timeout sets request timeout duration.
func (a *Agent) Timeout(timeout time.Duration) *Agent { return a }

// Bytes returns the status code, bytes body and errors of url.
func (a *Agent) Bytes() (int, []byte, []error) { return 0, nil, nil }

// String returns the status code, string body and errors of url.
func (a *Agent) String() (int, string, []error) { return 0, "", nil }

// Struct returns the status code, bytes body and errors of URL.
// And bytes body will be unmarshalled to given v.
func (a *Agent) Struct(v interface{}) (int, []byte, []error) { return 0, nil, nil }
