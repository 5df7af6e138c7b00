// Package resty: the status of a resty response is an upstream status.
package resty

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-resty/resty/v2"
)

var api = resty.New()

func badForward(c *gin.Context) {
	resp, err := api.R().Get("http://billing.internal/v1/charge")
	if err != nil {
		c.Status(http.StatusBadGateway)
		return
	}
	if resp.StatusCode() != http.StatusOK {
		c.JSON(resp.StatusCode(), gin.H{"error": "billing failed"}) // want `upstream status resp.StatusCode\(\) is forwarded to the client`
		return
	}
	c.Data(http.StatusOK, "application/json", resp.Body())
}

// Status and raw body of the same response on one path: a proxy.
func goodProxy(c *gin.Context) {
	resp, err := api.R().Get("http://billing.internal/v1/charge")
	if err != nil {
		c.Status(http.StatusBadGateway)
		return
	}
	c.Data(resp.StatusCode(), "application/json", resp.Body())
}
