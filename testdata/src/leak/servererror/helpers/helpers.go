// Package helpers holds response helpers of the module.
package helpers

import (
	"encoding/json"
	"log"
	"net/http"
)

// ServerError sends its error's text with a 500 of its own: reported
// here, once, not at its callers in other packages.
func ServerError(w http.ResponseWriter, err error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusInternalServerError)
	json.NewEncoder(w).Encode(map[string]any{"error": err.Error()}) // want `error text of err is sent with status 500`
}

// Respond sends the error's text for client errors only: for a server
// error it logs the details and sends a generic message.
func Respond(w http.ResponseWriter, status int, err error) {
	details := err.Error()
	if status >= http.StatusInternalServerError {
		log.Printf("internal: %v", err)
		details = http.StatusText(status)
	}
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": details})
}
