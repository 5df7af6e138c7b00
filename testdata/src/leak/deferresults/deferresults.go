// Package deferresults returns through named results in functions with a
// defer: each return gives its own value (the recover block, reached only
// when a deferred call recovers a panic, is not a return of the code).
package deferresults

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
)

var db *sql.DB

type span struct{}

func (span) End() {}

func start() span { return span{} }

func handleError(ctx context.Context, err error, code string) error {
	if errors.Is(err, context.Canceled) {
		return errors.New("cancelled")
	}
	return errors.New(code)
}

func create(ctx context.Context, id string) (name string, err error) {
	sp := start()
	defer sp.End()
	err = db.QueryRowContext(ctx, "SELECT 1").Scan(&name)
	if err != nil {
		return "", handleError(ctx, err, "EXECUTION")
	}
	return name, nil
}

func h(w http.ResponseWriter, r *http.Request) {
	_, err := create(r.Context(), "x")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

func createRaw(ctx context.Context) (name string, err error) {
	sp := start()
	defer sp.End()
	err = db.QueryRowContext(ctx, "SELECT 1").Scan(&name)
	return name, err
}

func raw(w http.ResponseWriter, r *http.Request) {
	if _, err := createRaw(r.Context()); err != nil {
		http.Error(w, err.Error(), http.StatusConflict) // want `dependency error err.Error\(\) is sent to the client`
	}
}

// The last return hands back err, known nil there.
func write(ctx context.Context) (names []string, err error) {
	sp := start()
	defer sp.End()
	_, err = db.ExecContext(ctx, "INSERT INTO t VALUES (1)")
	if err != nil {
		return nil, handleError(ctx, err, "EXECUTION")
	}
	return names, err
}

func writer(w http.ResponseWriter, r *http.Request) {
	if _, err := write(r.Context()); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

// Reassigned after the test: the second error is the database's.
func writeTwice(ctx context.Context) (names []string, err error) {
	sp := start()
	defer sp.End()
	_, err = db.ExecContext(ctx, "INSERT INTO t VALUES (1)")
	if err != nil {
		return nil, handleError(ctx, err, "EXECUTION")
	}
	_, err = db.ExecContext(ctx, "INSERT INTO t VALUES (2)")
	return names, err
}

func writerTwice(w http.ResponseWriter, r *http.Request) {
	if _, err := writeTwice(r.Context()); err != nil {
		http.Error(w, err.Error(), http.StatusConflict) // want `dependency error err.Error\(\) is sent to the client`
	}
}
