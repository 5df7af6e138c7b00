// Package sentinelor reproduces a false positive seen on a real API: a
// helper returns either one of our sentinel errors or a database error;
// the handler tests for the sentinels with errors.Is joined by || and
// echoes the sentinel as a 400. In that branch the error is one of our
// sentinels, not the database's text: silent. Each test alone was already
// recognised; the disjunction gives the branch two predecessors.
package sentinelor

import (
	"database/sql"
	"errors"
	"net/http"
)

var (
	errFeedNotFound   = errors.New("feed not found")
	errEmptyFeedTitle = errors.New("empty feed title")
	errNotOwner       = errors.New("feed belongs to another user")
)

var db *sql.DB

func rename(id, title string) error {
	if title == "" {
		return errEmptyFeedTitle
	}
	var owner string
	if err := db.QueryRow("SELECT owner FROM feeds WHERE id = $1", id).Scan(&owner); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return errFeedNotFound
		}
		return err
	}
	if owner == "" {
		return errNotOwner
	}
	_, err := db.Exec("UPDATE feeds SET title = $1 WHERE id = $2", title, id)
	return err
}

func renameFeed(w http.ResponseWriter, r *http.Request) {
	err := rename(r.FormValue("id"), r.FormValue("title"))
	if err != nil {
		if errors.Is(err, errFeedNotFound) || errors.Is(err, errEmptyFeedTitle) {
			http.Error(w, err.Error(), http.StatusBadRequest) // silent: one of our sentinels
		} else {
			http.Error(w, err.Error(), http.StatusInternalServerError) // want `dependency error err.Error\(\) is sent to the client`
		}
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func renameFeedSwitch(w http.ResponseWriter, r *http.Request) {
	err := rename(r.FormValue("id"), r.FormValue("title"))
	switch {
	case err == nil:
		w.WriteHeader(http.StatusNoContent)
	case err == errFeedNotFound || err == errNotOwner || err == errEmptyFeedTitle:
		http.Error(w, err.Error(), http.StatusBadRequest) // silent: one of our sentinels
	default:
		http.Error(w, "internal error", http.StatusInternalServerError)
	}
}
