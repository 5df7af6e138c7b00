// Package mappedunconfigured: without -passthrough.mapper, a helper that
// passes some statuses through is reported at its call.
package mappedunconfigured

import (
	"net/http"

	"example.com/httperr"
)

func badPartialMapper(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://users.internal/me")
	if err != nil {
		return
	}
	w.WriteHeader(httperr.FromUpstream(resp.StatusCode)) // want `upstream status httperr.FromUpstream\(resp.StatusCode\) is forwarded`
}
