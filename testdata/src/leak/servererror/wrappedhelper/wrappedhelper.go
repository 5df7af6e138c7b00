// Package wrappedhelper has helpers that wrap their error parameter
// with a prefix of the caller's before sending it with a status of their
// own (testkube's InternalError(c, prefix, description, err) calling
// Error(c, 500, fmt.Errorf("%s: %s: %w", …))): the helper sending the
// text with its own 5xx is the finding, once; its callers are not
// reported again.
package wrappedhelper

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
)

var db *sql.DB

type problem struct {
	Status int    `json:"status"`
	Detail string `json:"detail"`
}

func sendError(w http.ResponseWriter, status int, err error) {
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(problem{Status: status, Detail: err.Error()})
}

func internalError(w http.ResponseWriter, prefix string, err error) {
	sendError(w, http.StatusInternalServerError, fmt.Errorf("%s: %w", prefix, err)) // want `error text of err is sent with status 500`
}

func badRequest(w http.ResponseWriter, prefix string, err error) {
	sendError(w, http.StatusBadRequest, fmt.Errorf("%s: %w", prefix, err))
}

func getUser(w http.ResponseWriter, r *http.Request) {
	var name string
	if err := db.QueryRow("SELECT name FROM users WHERE id = $1", r.URL.Query().Get("id")).Scan(&name); err != nil {
		internalError(w, "get user", err) // the helper's finding
		return
	}
	_, _ = w.Write([]byte(name))
}

func deleteUser(w http.ResponseWriter, r *http.Request) {
	if _, err := db.Exec("DELETE FROM users WHERE id = $1", r.URL.Query().Get("id")); err != nil {
		badRequest(w, "delete user", err) // want `dependency error err is sent to the client by badRequest`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
