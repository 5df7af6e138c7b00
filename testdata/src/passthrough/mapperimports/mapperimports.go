// Package mapperimports imports the package of the configured mapper and
// forwards a status the fix would route through it: a mapper that does
// not resolve there fails the analysis (TestMapperThatDoesNotResolve).
package mapperimports

import (
	"net/http"

	"example.com/httperr"
)

func forward(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://users.internal/me")
	if err != nil {
		return
	}
	w.WriteHeader(resp.StatusCode)
}

func mapped(w http.ResponseWriter, code int) { w.WriteHeader(httperr.FromUpstream(code)) }
