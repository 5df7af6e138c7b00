// Package gatewayapp has a grpc-gateway mux written against the real
// grpc-gateway v2 module, with custom routes next to the generated ones.
package gatewayapp

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
)

// NewMux creates the mux with its custom routes; it answers errors with
// the default error handler.
func NewMux(db *sql.DB) *runtime.ServeMux {
	mux := runtime.NewServeMux()
	m := &runtime.JSONPb{}
	_ = mux.HandlePath(http.MethodGet, "/v1/orders/count", func(w http.ResponseWriter, r *http.Request, _ map[string]string) {
		var n int
		if err := db.QueryRowContext(r.Context(), "select count(*) from orders").Scan(&n); err != nil {
			runtime.HTTPError(r.Context(), mux, m, w, r, err)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	_ = mux.HandlePath(http.MethodGet, "/v1/orders/ping", func(w http.ResponseWriter, r *http.Request, _ map[string]string) {
		if err := db.PingContext(context.Background()); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	return mux
}
