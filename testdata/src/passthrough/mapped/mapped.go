// Package mapped: calls to the configured mapper are trusted even though
// httperr.FromUpstream passes some statuses through.
package mapped

import (
	"net/http"

	"example.com/httperr"
)

func goodConfiguredMapper(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://users.internal/me")
	if err != nil {
		return
	}
	w.WriteHeader(httperr.FromUpstream(resp.StatusCode))
}
