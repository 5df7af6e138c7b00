// Package multipart: reading the parts of the client's multipart body
// fails on the client's input, even sent with 500 (umputun/remark42,
// app/rest/api/migrator.go).
package multipart

import (
	"io"
	"net/http"
)

func upload(w http.ResponseWriter, r *http.Request) {
	reader, err := r.MultipartReader()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	for {
		part, err := reader.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		_ = part
	}
	w.WriteHeader(http.StatusNoContent)
}
