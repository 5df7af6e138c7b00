package fix

import (
	"io"
	"net/http"
)

var client = &http.Client{}

func badDirect(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return
	}
	w.WriteHeader(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
	io.WriteString(w, "done")
}

func badError(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return
	}
	http.Error(w, "inventory failed", resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
}

func badMergedWith2xx(w http.ResponseWriter, r *http.Request) {
	code := http.StatusOK
	if resp, err := client.Get("http://inventory.internal/items"); err == nil {
		code = resp.StatusCode
	}
	w.WriteHeader(code) // want `upstream status code is forwarded`
}

// No fix: merged with 404, a decision only the programmer can finish.
func badMergedNoFix(w http.ResponseWriter, r *http.Request) {
	code := http.StatusNotFound
	if resp, err := client.Get("http://inventory.internal/items"); err == nil {
		code = resp.StatusCode
	}
	w.WriteHeader(code) // want `upstream status code is forwarded`
}
