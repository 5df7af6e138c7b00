// Package gateway: runtime.HTTPStatusFromCode maps a gRPC code to a
// status: a mapping, not a passthrough.
package gateway

import (
	"context"
	"net/http"

	"example.com/pb"
	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc/status"
)

var inv pb.InventoryClient

func item(w http.ResponseWriter, r *http.Request) {
	_, err := inv.GetItem(context.Background(), &pb.GetItemRequest{Id: r.URL.Query().Get("id")})
	if err != nil {
		w.WriteHeader(runtime.HTTPStatusFromCode(status.Code(err)))
		return
	}
	w.WriteHeader(http.StatusOK)
}
