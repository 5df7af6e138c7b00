package frameworkfix

import (
	"net/http"

	"github.com/go-chi/render"
)

// render writes the status kept in the request: the fix sets it there.
func renderSoftError(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		render.JSON(w, r, map[string]string{"error": "inventory unavailable"}) // want `error-only body map\[string\]string is sent with status 200`
	}
}
