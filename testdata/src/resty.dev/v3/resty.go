// Package resty is a stub of resty v3: its Response has accessors, not
// fields (StatusCode(), String(), Bytes()).
package resty

import "net/http"

type Client struct{}

func New() *Client { return &Client{} }

func (c *Client) R() *Request { return &Request{} }

type Request struct{}

func (r *Request) Get(url string) (*Response, error)  { return nil, nil }
func (r *Request) Post(url string) (*Response, error) { return nil, nil }

type Response struct {
	RawResponse *http.Response
}

func (r *Response) StatusCode() int       { return 0 }
func (r *Response) Status() string        { return "" }
func (r *Response) String() string        { return "" }
func (r *Response) Bytes() []byte         { return nil }
func (r *Response) Header() http.Header   { return nil }
func (r *Response) IsStatusSuccess() bool { return false }
func (r *Response) IsStatusFailure() bool { return false }
