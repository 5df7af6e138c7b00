package gin

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
)

var client = &http.Client{}

type ErrorResponse struct {
	Error   string `json:"error"`
	TraceID string `json:"trace_id"`
}

type Item struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func badExplicit200(c *gin.Context) {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		c.JSON(http.StatusOK, gin.H{"error": "inventory unavailable"}) // want `error-only body .*gin.H is sent with explicit status 200; use an error status`
		return
	}
	resp.Body.Close()
	c.JSON(http.StatusOK, gin.H{"items": []Item{}})
}

func badLiteral200(c *gin.Context) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		c.JSON(200, ErrorResponse{Error: "inventory unavailable", TraceID: c.GetHeader("X-Trace")}) // want `error-only body ErrorResponse is sent with explicit status 200`
	}
}

func badString200(c *gin.Context) {
	n, err := strconv.Atoi(c.Query("n"))
	if err != nil {
		c.String(http.StatusOK, err.Error()) // want `error text is sent with explicit status 200`
		return
	}
	c.JSON(http.StatusOK, gin.H{"n": n})
}

func badStatusThenJSON(c *gin.Context) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		c.Status(http.StatusOK)
		c.Writer.WriteString("failed to load items") // want `error text "failed to load items" is sent with explicit status 200`
	}
}

func badImplicitWriter(c *gin.Context) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		c.Writer.Write([]byte("could not load items")) // want `error text "could not load items" is sent with status 200 \(no status written on this path\); write an error status first`
	}
}

func badAbort200(c *gin.Context) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		c.AbortWithStatusJSON(http.StatusOK, gin.H{"error": "inventory unavailable", "code": "E42"}) // want `error-only body .*gin.H is sent with explicit status 200`
	}
}

// --- correct code ---

func goodErrorStatus(c *gin.Context) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "inventory unavailable"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": []Item{}})
}

func goodAbort(c *gin.Context) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		c.AbortWithStatusJSON(http.StatusServiceUnavailable, ErrorResponse{Error: "inventory unavailable"})
	}
}

func goodStatusThenWriter(c *gin.Context) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		c.Status(http.StatusBadGateway)
		c.Writer.WriteString("failed to load items")
	}
}

func goodPartialSuccess(c *gin.Context) {
	out := gin.H{"data": Item{ID: "1"}}
	if _, err := client.Get("http://profile.internal/me"); err != nil {
		out["outages"] = []string{"profile"}
	}
	c.JSON(http.StatusOK, out)
}

func goodStatusOK(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok", "message": "created"})
}

func goodData(c *gin.Context) {
	c.JSON(http.StatusOK, Item{ID: "1", Name: "error handling book"})
}

// writeError is a helper, not a handler (its signature is not gin.HandlerFunc): like a
// net/http helper without the *http.Request, its callers may have set
// the status.
func writeError(c *gin.Context, msg string) {
	c.Writer.WriteString("failed: " + msg)
}

func goodGinHelperAfterStatus(c *gin.Context) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		c.Status(http.StatusBadGateway)
		writeError(c, "inventory unavailable")
	}
}
