package ginproxy

import (
	"net/http"

	"example.com/proxyutil"
	"github.com/gin-gonic/gin"
)

// The upstream status and body handed together, with the context, to a
// streaming helper: a proxy, even though the tables do not know the helper.
func goodStreamProxy(c *gin.Context) {
	resp, err := http.Get("http://catalog.internal/items")
	if err != nil {
		c.Status(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	proxyutil.Stream(c, resp.StatusCode, resp.Body)
}

// The same helper given another body: the status alone is forwarded.
func badStreamOwnBody(c *gin.Context) {
	resp, err := http.Get("http://catalog.internal/items")
	if err != nil {
		return
	}
	resp.Body.Close()
	proxyutil.Stream(c, resp.StatusCode, http.NoBody) // want `upstream status resp.StatusCode is forwarded to the client by Stream`
}
