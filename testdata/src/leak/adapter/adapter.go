// Package adapter defines its own error-returning handler types, as
// many net/http services do: ServeHTTP calls the handler and writes the
// error it returns.
package adapter

import (
	"database/sql"
	"errors"
	"net/http"
)

var db *sql.DB

// appError carries the status and the message to send.
type appError struct {
	Err     error
	Message string
	Code    int
}

type appHandler func(http.ResponseWriter, *http.Request) *appError

func (fn appHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if e := fn(w, r); e != nil {
		http.Error(w, e.Message, e.Code)
	}
}

// textHandler sends the returned error's text with the status it picks.
type textHandler func(http.ResponseWriter, *http.Request) error

func (fn textHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := fn(w, r); err != nil {
		code := http.StatusBadRequest
		if errors.Is(err, sql.ErrConnDone) {
			code = http.StatusServiceUnavailable
		}
		http.Error(w, err.Error(), code)
	}
}

// internalHandler sends every error's text with its own 500: the adapter
// is the finding (the server-error rule), its handlers are not.
type internalHandler func(http.ResponseWriter, *http.Request) error

func (fn internalHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := fn(w, r); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `error text of err is sent with status 500`
	}
}

type server struct{}

func Routes(mux *http.ServeMux, s *server) {
	mux.Handle("/view", appHandler(viewRecord))
	mux.Handle("/own", appHandler(ownMessage))
	mux.Handle("/text", textHandler(s.deleteRecord))
	mux.Handle("/internal", internalHandler(purge))
}

func viewRecord(w http.ResponseWriter, r *http.Request) *appError {
	var name string
	if err := db.QueryRow("SELECT name FROM records WHERE id = $1", r.FormValue("id")).Scan(&name); err != nil {
		return &appError{Err: err, Message: err.Error(), Code: http.StatusNotFound} // want `dependency error &appError\{…\} is returned to the adapter appHandler.ServeHTTP \(adapter.go:23\), which sends its text to the client; log it and return an error with a generic message`
	}
	w.Write([]byte(name))
	return nil
}

// ownMessage keeps the error for logs and sends a message of its own.
func ownMessage(w http.ResponseWriter, r *http.Request) *appError {
	if _, err := db.Exec("DELETE FROM sessions"); err != nil {
		return &appError{Err: err, Message: "could not reset sessions", Code: http.StatusServiceUnavailable}
	}
	return nil
}

func (s *server) deleteRecord(w http.ResponseWriter, r *http.Request) error {
	if _, err := db.Exec("DELETE FROM records WHERE id = $1", r.FormValue("id")); err != nil {
		return err // want `dependency error err is returned to the adapter textHandler.ServeHTTP \(adapter.go:32\), which sends its text to the client`
	}
	return nil
}

func purge(w http.ResponseWriter, r *http.Request) error {
	_, err := db.Exec("DELETE FROM records")
	return err
}
