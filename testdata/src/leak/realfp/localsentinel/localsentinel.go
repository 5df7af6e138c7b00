// Package localsentinel reproduces a false positive of the first run on
// router-for-me/CLIProxyAPI (issue 12): a sentinel error declared in the
// handler itself (errors.New of a constant, captured by the closure that
// returns it), tested with errors.Is before its text is sent. Where the
// test holds, the error is our own fixed text.
package localsentinel

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
)

var client = &http.Client{}

func search(c *gin.Context) {
	errMissingBaseURL := errors.New("search base URL unavailable")
	baseURL := c.Query("base")
	perform := func() (*http.Response, error) {
		if baseURL == "" {
			return nil, errMissingBaseURL
		}
		return client.Get(baseURL + "/search")
	}
	resp, err := perform()
	if err != nil {
		if errors.Is(err, errMissingBaseURL) {
			c.JSON(http.StatusServiceUnavailable, gin.H{"error": err.Error()}) // silent: our sentinel
			return
		}
		c.JSON(http.StatusBadGateway, gin.H{"error": err.Error()}) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	defer resp.Body.Close()
	c.Status(http.StatusOK)
}

// Not captured: the sentinel is the errors.New value itself.
func direct(c *gin.Context) {
	errClosed := errors.New("closed")
	_, err := client.Get("http://orders.internal/open")
	if err == errClosed {
		c.JSON(http.StatusServiceUnavailable, gin.H{"error": err.Error()}) // silent: our sentinel
		return
	}
}

// A local that may hold the dependency error is no sentinel.
func reassigned(c *gin.Context) {
	known := errors.New("known")
	_, err := client.Get("http://orders.internal/open")
	if c.Query("strict") != "" {
		known = err
	}
	if errors.Is(err, known) {
		c.JSON(http.StatusBadGateway, gin.H{"error": err.Error()}) // want `dependency error err.Error\(\) is sent to the client`
	}
}

// Nor is one that a closure may rewrite.
func rewritten(c *gin.Context) {
	known := errors.New("known")
	_, err := client.Get("http://orders.internal/open")
	func() { known = err }()
	if errors.Is(err, known) {
		c.JSON(http.StatusBadGateway, gin.H{"error": err.Error()}) // want `dependency error err.Error\(\) is sent to the client`
	}
}
