// Package forwardproxygin: the forward proxy of package forwardproxy as a
// gin middleware (the shape seen in gin-gonic/examples), which sends
// c.Request unchanged; and a reverse proxy that retargets the request
// through a helper given the context, which still leaks.
package forwardproxygin

import (
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
)

func goodForwardMiddleware(c *gin.Context) {
	if c.GetHeader("Forward") != "ok" {
		c.Next()
		return
	}
	resp, err := http.DefaultTransport.RoundTrip(c.Request)
	if err != nil {
		http.Error(c.Writer, err.Error(), http.StatusServiceUnavailable)
		c.Abort()
		return
	}
	defer resp.Body.Close()
	c.Writer.WriteHeader(resp.StatusCode)
	io.Copy(c.Writer, resp.Body)
	c.Abort()
}

func retarget(c *gin.Context) {
	c.Request.URL.Host = "orders.internal:8080"
	c.Request.URL.Scheme = "http"
	c.Request.RequestURI = ""
}

func badReverseThroughHelper(c *gin.Context) {
	retarget(c)
	resp, err := http.DefaultTransport.RoundTrip(c.Request)
	if err != nil {
		c.String(http.StatusBadGateway, err.Error()) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	defer resp.Body.Close()
	c.Status(resp.StatusCode)
	io.Copy(c.Writer, resp.Body)
}
