// Package dbtx: a miss seen on real services using sqlc (and other query
// layers): queries go through an interface that mirrors *sql.DB and
// *sql.Tx. A method returning database/sql results (sql.Result,
// *sql.Rows, *sql.Row, *sql.Stmt) with an error does I/O on the database,
// whatever its receiver.
package dbtx

import (
	"context"
	"database/sql"
	"net/http"
)

type DBTX interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}

type Queries struct{ db DBTX }

func (q *Queries) DeleteAuthor(ctx context.Context, id int) error {
	_, err := q.db.ExecContext(ctx, "DELETE FROM author WHERE id = $1", id)
	return err
}

var queries = &Queries{}

func deleteAuthor(w http.ResponseWriter, r *http.Request) {
	if err := queries.DeleteAuthor(r.Context(), 1); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
