// Package httpclient is a stub of gojek/heimdall's retrying client: a
// concrete client whose methods return net/http's response. As in the
// real one (v7.0.3), Do retries and returns the text of the transport's
// errors in a valkyrie.MultiError.
package httpclient

import (
	"io"
	"net/http"

	"github.com/gojek/heimdall/v7"
	"github.com/gojek/valkyrie"
)

type Client struct {
	client     heimdall.Doer
	retryCount int
}

// Option represents the client options
type Option func(*Client)

func NewClient(opts ...Option) *Client {
	client := Client{}
	for _, opt := range opts {
		opt(&client)
	}
	if client.client == nil {
		client.client = &http.Client{}
	}
	return &client
}

func (c *Client) Get(url string, headers http.Header) (*http.Response, error) {
	var response *http.Response
	request, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return response, err
	}
	request.Header = headers
	return c.Do(request)
}

func (c *Client) Post(url string, body io.Reader, headers http.Header) (*http.Response, error) {
	var response *http.Response
	request, err := http.NewRequest(http.MethodPost, url, body)
	if err != nil {
		return response, err
	}
	request.Header = headers
	return c.Do(request)
}

func (c *Client) Do(request *http.Request) (*http.Response, error) {
	multiErr := &valkyrie.MultiError{}
	var response *http.Response
	for i := 0; i <= c.retryCount; i++ {
		if response != nil {
			response.Body.Close()
		}
		var err error
		response, err = c.client.Do(request)
		if err != nil {
			multiErr.Push(err.Error())
			continue
		}
		if response.StatusCode >= http.StatusInternalServerError {
			continue
		}
		multiErr = &valkyrie.MultiError{} // Clear errors if any iteration succeeds
		break
	}
	return response, multiErr.HasError()
}
