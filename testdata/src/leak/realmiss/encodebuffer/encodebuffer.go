// Package encodebuffer: the payload is encoded into a bytes.Buffer
// first, and the buffer written to the client once the encoding worked
// (oapi-codegen's strict server, since v2.5, writes its typed responses
// so).
package encodebuffer

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"net/http"
)

var db *sql.DB

func buffered(w http.ResponseWriter, r *http.Request) {
	if err := db.PingContext(r.Context()); err != nil {
		var buf bytes.Buffer
		if err := json.NewEncoder(&buf).Encode(map[string]string{"error": err.Error()}); err != nil {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = buf.WriteTo(w) // want `dependency error`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
