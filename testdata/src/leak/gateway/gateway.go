// Package gateway: a grpc-gateway mux with a custom route that hands a
// database error to runtime.HTTPError, answered by the default handler.
package gateway

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
)

type jsonMarshaler struct{}

func (jsonMarshaler) Marshal(v interface{}) ([]byte, error) { return nil, nil }

var db *sql.DB

func newMux() *runtime.ServeMux {
	mux := runtime.NewServeMux()
	_ = mux.HandlePath(http.MethodGet, "/v1/export", func(w http.ResponseWriter, r *http.Request, _ map[string]string) {
		export(r.Context(), mux, w, r)
	})
	return mux
}

func export(ctx context.Context, mux *runtime.ServeMux, w http.ResponseWriter, r *http.Request) {
	var n int
	if err := db.QueryRowContext(ctx, "select count(*) from orders").Scan(&n); err != nil {
		runtime.HTTPError(ctx, mux, jsonMarshaler{}, w, r, err) // want `dependency error err is passed to runtime.HTTPError for grpc-gateway's default error handler, which sends its text to the client`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func direct(ctx context.Context, mux *runtime.ServeMux, w http.ResponseWriter, r *http.Request) {
	var n int
	if err := db.QueryRowContext(ctx, "select count(*) from orders").Scan(&n); err != nil {
		runtime.DefaultHTTPErrorHandler(ctx, mux, jsonMarshaler{}, w, r, err) // want `dependency error err is sent to the client`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
