// Package catalog passes reply.Send both its success code and -1.
package catalog

import (
	"net/http"

	"example.com/layered/reply"
)

func Item(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("id") == "" {
		reply.Send(w, -1, "no such item")
		return
	}
	reply.Send(w, 0, "found")
}
