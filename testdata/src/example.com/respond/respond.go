// Package respond is a response helper of another module.
package respond

import (
	"encoding/json"
	"net/http"
)

// InternalError sends the error's text with a 500 of its own. Its
// module's own run reports it; its callers here are reported.
func InternalError(w http.ResponseWriter, err error) {
	w.WriteHeader(http.StatusInternalServerError)
	json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
}
