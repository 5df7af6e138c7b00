// Package envelopeoff holds failure envelopes, for the test that turns
// the envelope rule off: with -softerror.envelopes=false nothing here is
// reported; with the default, both are.
package envelopeoff

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func handler(c *gin.Context) {
	if c.Query("x") == "" {
		c.JSON(http.StatusOK, gin.H{"success": false, "message": "missing x"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"code": 500, "msg": "failed"})
}
