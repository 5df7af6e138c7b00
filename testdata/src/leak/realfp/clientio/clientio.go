// Package clientio: errors of reading the client's own body through a
// bufio.Reader, and of encoding the answer straight into the client's
// ResponseWriter, are not our dependencies' (rqlite/rqlite,
// http/service.go; headlamp): the first is about what the client sent,
// the second is our own value's or cannot reach the client. The same
// reader over an upstream's body stays reported, and so does an encoder
// of another writer.
package clientio

import (
	"bufio"
	"encoding/json"
	"net/http"
	"os"
)

func load(w http.ResponseWriter, r *http.Request) {
	br := bufio.NewReader(r.Body)
	peek, err := br.Peek(16)
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	resp := map[string]int{"size": len(peek)}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(resp); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// save encodes into a file: its error is the file system's.
func save(w http.ResponseWriter, r *http.Request) {
	f, err := os.Create("/var/lib/app/state.json")
	if err != nil {
		http.Error(w, "cannot save", http.StatusInternalServerError)
		return
	}
	defer f.Close()
	if err := json.NewEncoder(f).Encode(map[string]string{"path": r.URL.Path}); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `error text of err is sent with status 500`
	}
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
