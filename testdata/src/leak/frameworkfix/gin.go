package frameworkfix

import (
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
)

var client = &http.Client{}

func badGinJSON(c *gin.Context) {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		log.Printf("billing: %v", err)
		c.JSON(http.StatusBadGateway, gin.H{"error": err.Error()}) // want `dependency error err.Error\(\) is sent`
	}
}

// err stays used (err != nil): the fix applies.
func badGinString(c *gin.Context) {
	if _, err := client.Get("http://billing.internal/charge"); err != nil {
		c.String(http.StatusBadGateway, err.Error()) // want `dependency error err.Error\(\) is sent`
	}
}
