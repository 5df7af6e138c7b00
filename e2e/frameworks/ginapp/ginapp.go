// Package ginapp is a gin service with the defects upstreamlint reports
// and the correct code it must leave alone.
package ginapp

import (
	"io"
	"log"
	"net/http"
	"runtime/debug"

	"github.com/gin-gonic/gin"
)

var client = &http.Client{}

func fetch(c *gin.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(c, http.MethodGet, "http://inventory.internal/items/"+c.Param("id"), nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

// Routes registers the handlers.
func Routes(r *gin.Engine) {
	r.GET("/forward/:id", forward)
	r.GET("/abort/:id", abort)
	r.GET("/leak/:id", leakError)
	r.GET("/stack", stack)
	r.GET("/soft/:id", soft)
	r.GET("/mapped/:id", mapped)
	r.GET("/proxy/:id", proxy)
	r.POST("/bind", bind)
	r.GET("/internal/:id", internalError)
	r.GET("/text/:id", text)
}

func forward(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "inventory unavailable"})
		return
	}
	defer resp.Body.Close()
	c.JSON(resp.StatusCode, gin.H{"reserved": true})
}

func abort(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		c.AbortWithStatusJSON(resp.StatusCode, gin.H{"error": "inventory failed"})
		return
	}
	c.Status(http.StatusNoContent)
}

func leakError(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": err.Error()})
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		c.Data(http.StatusBadGateway, "application/json", body)
		return
	}
	c.Data(http.StatusOK, "application/json", body)
}

func stack(c *gin.Context) {
	defer func() {
		if v := recover(); v != nil {
			c.String(http.StatusInternalServerError, string(debug.Stack()))
		}
	}()
	c.Status(http.StatusNoContent)
}

func soft(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		c.JSON(http.StatusOK, gin.H{"error": "inventory unavailable"})
		return
	}
	resp.Body.Close()
	c.Status(http.StatusOK)
	c.Writer.WriteString("reserved")
}

// --- correct code ---

func mapStatus(code int) int {
	if code >= 200 && code < 300 {
		return http.StatusOK
	}
	return http.StatusBadGateway
}

func mapped(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		log.Printf("inventory: %v", err)
		c.AbortWithStatusJSON(http.StatusBadGateway, gin.H{"error": "inventory unavailable"})
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		c.JSON(http.StatusBadRequest, gin.H{"error": "unknown item"})
		return
	}
	c.JSON(mapStatus(resp.StatusCode), gin.H{"upstream_status": resp.StatusCode})
}

func proxy(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	c.DataFromReader(resp.StatusCode, resp.ContentLength, resp.Header.Get("Content-Type"), resp.Body, nil)
}

func bind(c *gin.Context) {
	var req struct {
		ItemID string `json:"item_id" binding:"required"`
	}
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusCreated, gin.H{"item_id": req.ItemID})
}

func internalError(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		// gin keeps c.Errors internal: the client gets the status only.
		_ = c.AbortWithError(http.StatusBadGateway, err)
		return
	}
	resp.Body.Close()
	c.Status(http.StatusNoContent)
}

func text(c *gin.Context) {
	resp, err := fetch(c)
	if err != nil {
		c.String(http.StatusBadGateway, "inventory: %v", err)
		return
	}
	resp.Body.Close()
	c.Status(http.StatusNoContent)
}
