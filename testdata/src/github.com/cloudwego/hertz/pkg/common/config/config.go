// Package config is a minimal stub of
// github.com/cloudwego/hertz/pkg/common/config v0.10.4 for analysistest.
package config

// RequestOptions is the collection of request options.
type RequestOptions struct{}

// RequestOption is the only struct that can be used to set RequestOptions.
type RequestOption struct {
	F func(o *RequestOptions)
}

// ClientOption is the only struct that can be used to set ClientOptions.
type ClientOption struct {
	F func(o *ClientOptions)
}

// ClientOptions are the options of a client.
type ClientOptions struct{}
