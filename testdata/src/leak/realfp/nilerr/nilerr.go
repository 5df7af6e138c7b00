// Package nilerr reproduces a false positive seen in a real recipe: after
// `if err != nil { …; return }`, a later branch (the upstream answered
// with a failing status) formats the same err variable into the message.
// There err is nil on every path (it prints "<nil>", or err.Error()
// panics): no dependency text can reach the client. The useful finding,
// if any, is elsewhere; a leak report here is wrong.
package nilerr

import (
	"fmt"
	"net/http"
)

var client = &http.Client{}

func product(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://catalog.internal/products/1")
	if err != nil {
		http.Error(w, "catalog unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		http.Error(w, fmt.Sprintf("catalog failed: %v", err), http.StatusBadGateway) // silent: err is nil here
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func productErrorText(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://catalog.internal/products/1")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(http.StatusNoContent)
}
