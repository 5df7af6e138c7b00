package servererror

import (
	"net/http"

	"leak/servererror/token"
)

// Errors of another package of ours whose fact says they are all ours.
func tokenHandler(w http.ResponseWriter, r *http.Request) {
	t, err := token.ParseRequest(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // the client's token
		return
	}
	if err := token.Lookup(t); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `error text of err is sent with status 500`
	}
}
