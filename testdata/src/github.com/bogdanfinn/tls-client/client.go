// Package tls_client is a stub of bogdanfinn/tls-client: an interface
// over fhttp's client.
package tls_client

import http "github.com/bogdanfinn/fhttp"

type HttpClient interface {
	Do(req *http.Request) (*http.Response, error)
	Get(url string) (*http.Response, error)
}

type Logger interface {
	Debug(format string, args ...any)
	Info(format string, args ...any)
	Warn(format string, args ...any)
	Error(format string, args ...any)
}

type noopLogger struct{}

func (noopLogger) Debug(format string, args ...any) {}
func (noopLogger) Info(format string, args ...any)  {}
func (noopLogger) Warn(format string, args ...any)  {}
func (noopLogger) Error(format string, args ...any) {}

func NewNoopLogger() Logger { return &noopLogger{} }

type httpClientConfig struct{}

type HttpClientOption func(config *httpClientConfig)

func NewHttpClient(logger Logger, options ...HttpClientOption) (HttpClient, error) {
	return nil, nil
}
