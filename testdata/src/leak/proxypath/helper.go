package proxypath

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
)

// A helper takes the upstream response and tests its status itself
// (xqdoo00o/ChatGPT-to-API, Handle_request_error): the body it sends on
// failure is the upstream's error body, at every call.
func handleRequestError(c *gin.Context, response *http.Response) bool {
	if response.StatusCode != 200 {
		var errorResponse map[string]interface{}
		if err := json.NewDecoder(response.Body).Decode(&errorResponse); err != nil {
			body, _ := io.ReadAll(response.Body)
			c.JSON(500, gin.H{"error": gin.H{"message": "Unknown error", "details": string(body)}})
			return true
		}
		c.JSON(http.StatusBadGateway, gin.H{"error": gin.H{"message": errorResponse["detail"]}})
		return true
	}
	return false
}

func badHelperBody(c *gin.Context) {
	resp, err := client.Get("http://llm.internal/v1/chat")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "upstream unavailable"})
		return
	}
	defer resp.Body.Close()
	if handleRequestError(c, resp) { // want `upstream error body resp is sent to the client by handleRequestError`
		return
	}
	c.Status(http.StatusOK)
}

// relay sends the body whole on success, and nothing of it on failure.
func relay(c *gin.Context, response *http.Response) {
	if response.StatusCode >= 400 {
		c.JSON(http.StatusBadGateway, gin.H{"error": "upstream failed"})
		return
	}
	b, _ := io.ReadAll(response.Body)
	c.Data(http.StatusOK, "application/json", b)
}

func goodHelperRelay(c *gin.Context) {
	resp, err := client.Get("http://llm.internal/v1/models")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "upstream unavailable"})
		return
	}
	defer resp.Body.Close()
	relay(c, resp)
}
