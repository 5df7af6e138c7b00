// Package ownerrtype: a handler answers an error of the module's own
// type, found with errors.As, with its text and a 4xx (weaviate's
// errors.As(err, &ErrInvalidUserInput{}) then a 422 with the error's
// message): the text is the type's, ours, as after a test for a
// sentinel. A type that wraps another error, or a library's error type,
// still carries a dependency's text.
package ownerrtype

import (
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

var db *sql.DB

// ErrInvalidInput is the module's error about the client's object.
type ErrInvalidInput struct{ msg string }

func (e ErrInvalidInput) Error() string { return e.msg }

// StoreError wraps the database's error.
type StoreError struct {
	Op  string
	Err error
}

func (e *StoreError) Error() string { return e.Op + ": " + e.Err.Error() }

func add(name string) error {
	if name == "" {
		return ErrInvalidInput{msg: "name is empty"}
	}
	if _, err := db.Exec("INSERT INTO items(name) VALUES ($1)", name); err != nil {
		return &StoreError{Op: "insert", Err: err}
	}
	return nil
}

func create(w http.ResponseWriter, r *http.Request) {
	err := add(r.URL.Query().Get("name"))
	if err == nil {
		w.WriteHeader(http.StatusCreated)
		return
	}
	if errors.As(err, &ErrInvalidInput{}) {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity) // our own type's text
		return
	}
	var se *StoreError
	if errors.As(err, &se) {
		http.Error(w, err.Error(), http.StatusConflict) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	http.Error(w, "internal error", http.StatusInternalServerError)
}

func fetch(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://inventory.internal/items")
	var ue *url.Error
	if errors.As(err, &ue) {
		http.Error(w, fmt.Sprintf("fetch: %v", err), http.StatusConflict) // want `dependency error fmt.Sprintf\("fetch: %v", err\) is sent to the client`
		return
	}
	if err == nil {
		resp.Body.Close()
	}
	w.WriteHeader(http.StatusNoContent)
}

// validationError is how handlers see the module's validation errors
// (BricksLLM's admin handlers): a marker method of its own.
type validationError interface {
	Error() string
	Validation()
}

type badName struct{ name string }

func (e *badName) Error() string { return "bad name " + e.name }
func (e *badName) Validation()   {}

func rename(name string) error {
	if name == "" {
		return &badName{name: name}
	}
	_, err := db.Exec("UPDATE items SET name = $1", name)
	return err
}

func renameItem(w http.ResponseWriter, r *http.Request) {
	err := rename(r.URL.Query().Get("name"))
	if _, ok := err.(validationError); ok {
		http.Error(w, err.Error(), http.StatusBadRequest) // our validation error's text
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// coded formats the values its callers give it, errors included
// (flagr's handler Error{StatusCode; Message; Values []any}).
type coded struct {
	Code   int
	Format string
	Values []any
}

func (e *coded) Error() string { return fmt.Sprintf(e.Format, e.Values...) }

func save(name string) error {
	if _, err := db.Exec("UPDATE items SET name = $1", name); err != nil {
		return &coded{Code: 500, Format: "save failed: %s", Values: []any{err}}
	}
	return nil
}

func saveItem(w http.ResponseWriter, r *http.Request) {
	err := save(r.URL.Query().Get("name"))
	if ce, ok := err.(*coded); ok {
		http.Error(w, err.Error(), ce.Code) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
