// Package stringfuncs: a miss seen on a real feed reader (184 call sites):
// the error page escapes the dependency error's text before writing it.
// Escaping, replacing or quoting text keeps what it says. The helper
// sends its error parameter with a 500 of its own: it is reported once,
// where the fix belongs, and its 184 callers are not.
package stringfuncs

import (
	"database/sql"
	"html"
	"net/http"
	"strconv"
	"strings"
)

var db *sql.DB

func serverError(w http.ResponseWriter, r *http.Request, err error) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	w.Write([]byte(html.EscapeString(err.Error()))) // want `error text of err is sent with status 500; internal errors carry details`
}

func aboutPage(w http.ResponseWriter, r *http.Request) {
	var name string
	if err := db.QueryRow("SELECT name FROM users WHERE id = $1", 1).Scan(&name); err != nil {
		serverError(w, r, err) // the helper's finding
		return
	}
	w.Write([]byte(html.EscapeString(name)))
}

func settingsPage(w http.ResponseWriter, r *http.Request) {
	if err := db.PingContext(r.Context()); err != nil {
		http.Error(w, strings.ReplaceAll(err.Error(), "\n", " "), http.StatusInternalServerError) // want `dependency error`
		return
	}
	if _, err := db.ExecContext(r.Context(), "UPDATE settings SET seen = true"); err != nil {
		http.Error(w, strconv.Quote(err.Error()), http.StatusInternalServerError) // want `dependency error`
	}
}
