package gin

import (
	"errors"
	"io"
	"log"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
)

var client = &http.Client{}

func fetch(c *gin.Context) (*http.Response, error) {
	return client.Get("http://inventory.internal/items/" + c.Param("id"))
}

func badJSON(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "inventory unavailable"})
		return
	}
	defer resp.Body.Close()
	c.JSON(resp.StatusCode, gin.H{"reserved": true}) // want `upstream status resp.StatusCode is forwarded to the client; map it to a status of this service`
}

func badStatus(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		return
	}
	c.Status(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded to the client; map it`
}

func badAbortWithStatus(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		return
	}
	if resp.StatusCode != http.StatusOK {
		c.AbortWithStatus(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
		return
	}
	c.JSON(http.StatusOK, gin.H{"reserved": true})
}

func badAbortWithStatusJSON(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		return
	}
	if resp.StatusCode >= 400 {
		c.AbortWithStatusJSON(resp.StatusCode, gin.H{"error": "inventory failed"}) // want `upstream status resp.StatusCode is forwarded`
	}
}

func badAbortWithError(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		return
	}
	if resp.StatusCode >= 400 {
		c.AbortWithError(resp.StatusCode, errors.New("inventory failed")) // want `upstream status resp.StatusCode is forwarded`
	}
}

func badRenderers(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		return
	}
	switch c.Query("format") {
	case "xml":
		c.XML(resp.StatusCode, gin.H{"reserved": true}) // want `upstream status resp.StatusCode is forwarded`
	case "yaml":
		c.YAML(resp.StatusCode, gin.H{"reserved": true}) // want `upstream status resp.StatusCode is forwarded`
	case "pretty":
		c.IndentedJSON(resp.StatusCode, gin.H{"reserved": true}) // want `upstream status resp.StatusCode is forwarded`
	case "pure":
		c.PureJSON(resp.StatusCode, gin.H{"reserved": true}) // want `upstream status resp.StatusCode is forwarded`
	case "text":
		c.String(resp.StatusCode, "reserved %s", c.Param("id")) // want `upstream status resp.StatusCode is forwarded`
	default:
		c.Data(resp.StatusCode, "application/json", []byte(`{"reserved":true}`)) // want `upstream status resp.StatusCode is forwarded`
	}
}

func badWriterWriteHeader(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		return
	}
	c.Writer.WriteHeader(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
	c.Writer.WriteString("reserved")
}

func badMerged(c *gin.Context) {
	code := http.StatusOK
	if resp, err := fetch(c); err == nil && resp.StatusCode >= 400 {
		code = resp.StatusCode
	}
	c.JSON(code, gin.H{"reserved": code == http.StatusOK}) // want `upstream status code is forwarded`
}

func respond(c *gin.Context, code int, v any) {
	c.Header("Cache-Control", "no-store")
	c.JSON(code, v)
}

func badViaHelper(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		respond(c, http.StatusBadGateway, gin.H{"error": "inventory unavailable"})
		return
	}
	respond(c, resp.StatusCode, gin.H{"reserved": true}) // want `upstream status resp.StatusCode is forwarded to the client by respond`
}

func badClosureRoute() {
	r := gin.Default()
	r.GET("/items/:id", func(c *gin.Context) {
		resp, err := fetch(c)
		if err != nil {
			return
		}
		c.JSON(resp.StatusCode, gin.H{"reserved": true}) // want `upstream status resp.StatusCode is forwarded`
	})
}

// --- correct code ---

func mapStatus(code int) int {
	switch {
	case code >= 200 && code < 300:
		return http.StatusOK
	case code == http.StatusNotFound:
		return http.StatusBadRequest
	default:
		return http.StatusBadGateway
	}
}

func goodMapped(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		return
	}
	c.JSON(mapStatus(resp.StatusCode), gin.H{"reserved": true})
}

func goodDecision(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	if resp.StatusCode == http.StatusNotFound {
		c.JSON(http.StatusBadRequest, gin.H{"error": "unknown item"})
		return
	}
	if resp.StatusCode >= 500 {
		c.AbortWithStatusJSON(http.StatusBadGateway, gin.H{"error": "inventory unavailable"})
		return
	}
	c.Status(http.StatusNoContent)
}

func goodStatusAsData(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		return
	}
	log.Printf("inventory answered %d", resp.StatusCode)
	c.Header("X-Upstream-Status", strconv.Itoa(resp.StatusCode))
	c.JSON(http.StatusOK, gin.H{"upstream_status": resp.StatusCode, "ok": resp.StatusCode < 300})
}

func goodProxy(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	c.Data(resp.StatusCode, resp.Header.Get("Content-Type"), body)
}

func goodProxyWriter(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	c.Writer.WriteHeader(resp.StatusCode)
	io.Copy(c.Writer, resp.Body)
}

func goodProxyFromReader(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	c.DataFromReader(resp.StatusCode, resp.ContentLength, resp.Header.Get("Content-Type"), resp.Body, nil)
}
