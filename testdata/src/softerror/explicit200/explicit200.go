// Package explicit200: error answers whose own call says 200.
package explicit200

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
)

var errBusy = errors.New("busy")

func httpError(w http.ResponseWriter, r *http.Request) {
	http.Error(w, errBusy.Error(), http.StatusOK) // want `error text is sent with explicit status 200; use an error status`
}

func abortWith200(c *gin.Context) {
	c.AbortWithStatusJSON(http.StatusOK, gin.H{"error": "busy"}) // want `error-only body gin.H is sent with explicit status 200; use an error status`
}
