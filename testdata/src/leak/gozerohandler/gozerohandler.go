// Package gozerohandler installs an error handler that returns the
// error's text in the body it hands go-zero.
package gozerohandler

import (
	"context"
	"net/http"

	"github.com/zeromicro/go-zero/rest/httpx"
)

var client = &http.Client{}

type body struct {
	Code int    `json:"code"`
	Msg  string `json:"msg"`
}

func init() {
	httpx.SetErrorHandlerCtx(func(ctx context.Context, err error) (int, any) {
		return http.StatusInternalServerError, body{Code: 500, Msg: err.Error()}
	})
}

func items(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		httpx.Error(w, err) // want `dependency error err is passed to httpx.Error for the error handler installed at gozerohandler.go:20, which sends its text to the client with status 500`
		return
	}
	httpx.Ok(w)
}
