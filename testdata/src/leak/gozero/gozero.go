// Package gozero: the package creates the server and installs no error
// handler, so httpx.Error answers with go-zero's default: err.Error()
// with status 400.
package gozero

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest"
	"github.com/zeromicro/go-zero/rest/httpx"
)

var client = &http.Client{}

type req struct{ ID string }

func Start() {
	s := rest.MustNewServer(rest.RestConf{})
	defer s.Stop()
	s.Start()
}

func items(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		httpx.ErrorCtx(r.Context(), w, err) // want `dependency error err is passed to httpx.Error for go-zero's default error handler, which sends its text to the client; log it and pass httpx.Error an error with a generic message`
		return
	}
	defer resp.Body.Close()
	httpx.Ok(w)
}

func direct(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		httpx.WriteJson(w, http.StatusBadGateway, map[string]string{"error": err.Error()}) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	httpx.Ok(w)
}

// parse: the client's own input
func parse(w http.ResponseWriter, r *http.Request) {
	var q req
	if err := httpx.Parse(r, &q); err != nil {
		httpx.Error(w, err)
		return
	}
	httpx.OkJson(w, q)
}
