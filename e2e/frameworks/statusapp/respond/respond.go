// Package respond holds the module's response helpers.
package respond

import (
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
)

// ServerError sends its error's text with a 500 of its own: reported
// here, once, not at its callers.
func ServerError(c *gin.Context, err error) {
	c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
}

// Error sends the error's text for client errors only.
func Error(c *gin.Context, status int, err error) {
	msg := err.Error()
	if status >= http.StatusInternalServerError {
		log.Printf("internal: %v", err)
		msg = http.StatusText(status)
	}
	c.JSON(status, gin.H{"error": msg})
}
