package frameworkfix

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

var client = &http.Client{}

func badGinExplicit200(c *gin.Context) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		c.JSON(http.StatusOK, gin.H{"error": "inventory unavailable"}) // want `is sent with explicit status 200`
	}
}

func badGinImplicit(c *gin.Context) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		c.Writer.WriteString("failed to load items") // want `is sent with status 200`
	}
}
