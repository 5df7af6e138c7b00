// Package orders fails through reply.Send with the code -1 only: alone,
// it cannot tell that -1 means failure.
package orders

import (
	"net/http"

	"example.com/layered/reply"
)

func Get(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("id") == "" {
		reply.Send(w, -1, "no such order")
		return
	}
	reply.Send(w, -1, "orders are closed")
}
