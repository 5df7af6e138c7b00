package servererror

import (
	"net/http"

	"leak/servererror/builder"
)

func (h *handler) builderHelpers(w http.ResponseWriter, r *http.Request) {
	if _, err := h.orders.ByUser(r.Context(), "1"); err != nil {
		builder.ServerError(w, err) // the helper's finding
		return
	}
	if _, err := h.load(r.Context(), "1"); err != nil {
		builder.BadRequest(w, err) // origin unknown, a client-error status
		return
	}
	builder.OK(w, []byte("ok"))
}
