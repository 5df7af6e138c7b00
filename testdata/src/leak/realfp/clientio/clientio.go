// Package clientio: errors of reading the client's own body through a
// bufio.Reader are not our dependencies' (rqlite/rqlite,
// http/service.go): they are about what the client sent. The same reader
// over an upstream's body stays reported.
package clientio

import (
	"bufio"
	"net/http"
)

func load(w http.ResponseWriter, r *http.Request) {
	br := bufio.NewReader(r.Body)
	peek, err := br.Peek(16)
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.Write([]byte{byte(len(peek))})
}

func relay(w http.ResponseWriter, r *http.Request) {
	up, err := http.Get("http://backend.internal/data")
	if err != nil {
		http.Error(w, "backend unavailable", http.StatusBadGateway)
		return
	}
	defer up.Body.Close()
	line, err := bufio.NewReader(up.Body).ReadString('\n')
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway) // want `error text of err is sent with status 502`
		return
	}
	w.Write([]byte(line))
}
