// Package jsondropin: a handler writes its error response with a
// drop-in replacement of encoding/json (portainer's libhttp/error uses
// segmentio's): what it encodes is sent, as with encoding/json.
package jsondropin

import (
	"database/sql"
	"net/http"

	"github.com/segmentio/encoding/json"
)

var db *sql.DB

type errorResponse struct {
	Message string `json:"message"`
	Details string `json:"details"`
}

func get(w http.ResponseWriter, r *http.Request) {
	var name string
	if err := db.QueryRow("SELECT name FROM items WHERE id = $1", r.URL.Query().Get("id")).Scan(&name); err != nil {
		w.WriteHeader(http.StatusNotFound)
		_ = json.NewEncoder(w).Encode(&errorResponse{Message: "not found", Details: err.Error()}) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	_ = json.NewEncoder(w).Encode(&errorResponse{Message: name})
}
