// Package req is a stub of imroc/req v3: its Response embeds
// *http.Response.
package req

import "net/http"

type Client struct{}

func C() *Client { return &Client{} }

func (c *Client) R() *Request { return &Request{} }

type Request struct{}

func (r *Request) Get(url string) (*Response, error) { return nil, nil }

type Response struct {
	*http.Response
	Err error
}

func (r *Response) String() string           { return "" }
func (r *Response) ToBytes() ([]byte, error) { return nil, nil }
func (r *Response) IsErrorState() bool       { return false }
func (r *Response) GetStatusCode() int       { return 0 }
