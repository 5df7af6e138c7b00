// Package heimdall is a stub of gojek/heimdall's interfaces.
package heimdall

import "net/http"

// Doer interface has the method required to use a type as custom http client.
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}
