// Package resty is a minimal stub of github.com/go-resty/resty/v2 (v2.17).
package resty

type Client struct{}

type Request struct{}

type Response struct{ body []byte }

func New() *Client                                   { return &Client{} }
func (c *Client) R() *Request                        { return &Request{} }
func (r *Request) Get(url string) (*Response, error) { return &Response{}, nil }
func (r *Response) Body() []byte                     { return r.body }
func (r *Response) Status() string                   { return "" }
func (r *Response) StatusCode() int                  { return 0 }
func (r *Response) String() string                   { return string(r.body) }
