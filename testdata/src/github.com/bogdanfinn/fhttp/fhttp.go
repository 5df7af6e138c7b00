// Package http is a stub of bogdanfinn/fhttp, a fork of net/http: its
// Response is net/http's by shape, not by type.
package http

import (
	"io"
	"net/url"
)

const (
	MethodGet                 = "GET"
	StatusOK                  = 200
	StatusUnauthorized        = 401
	StatusInternalServerError = 500
	StatusBadGateway          = 502
)

type Header map[string][]string

func (h Header) Set(k, v string) {}

type Request struct {
	Method string
	URL    *url.URL
	Header Header
	Body   io.ReadCloser
}

func NewRequest(method, url string, body io.Reader) (*Request, error) { return &Request{}, nil }

type Response struct {
	Status     string
	StatusCode int
	Header     Header
	Body       io.ReadCloser
	Request    *Request
}

type Client struct{}

func (c *Client) Do(req *Request) (*Response, error) { return nil, nil }
