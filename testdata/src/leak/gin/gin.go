package gin

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"runtime/debug"
	"strconv"

	"github.com/gin-gonic/gin"
)

var client = &http.Client{}

var ErrSoldOut = errors.New("item sold out")

func badJSON(c *gin.Context) {
	resp, err := client.Get("http://billing.internal:8080/v1/charge?token=s3cr3t")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": err.Error()}) // want `dependency error err.Error\(\) is sent to the client; log it and send a generic message`
		return
	}
	resp.Body.Close()
	c.Status(http.StatusNoContent)
}

func badAbortWithStatusJSON(c *gin.Context) {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		c.AbortWithStatusJSON(http.StatusBadGateway, gin.H{"error": "users: " + err.Error()}) // want `dependency error "users: " \+ err.Error\(\) is sent`
	}
}

// The error among the variadic arguments of a method is named.
func badString(c *gin.Context) {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		c.String(http.StatusBadGateway, "lookup failed: %v", err) // want `dependency error err is sent to the client`
	}
}

func badData(c *gin.Context) {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		c.Data(http.StatusBadGateway, "text/plain", []byte(err.Error())) // want `dependency error err.Error\(\) is sent`
	}
}

func badWriter(c *gin.Context) {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		c.Writer.WriteHeader(http.StatusBadGateway)
		c.Writer.WriteString(err.Error()) // want `dependency error err.Error\(\) is sent`
	}
}

func badWrapped(c *gin.Context) {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		err = fmt.Errorf("users: %w", err)
		c.IndentedJSON(http.StatusBadGateway, gin.H{"error": err.Error(), "code": "E_USERS"}) // want `dependency error err.Error\(\) is sent`
	}
}

func badStack(c *gin.Context) {
	defer func() {
		if v := recover(); v != nil {
			c.String(http.StatusInternalServerError, string(debug.Stack())) // want `stack trace string\(debug.Stack\(\)\) is sent to the client; log it instead`
		}
	}()
}

func badUpstreamErrorBody(c *gin.Context) {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 400 {
		c.Data(http.StatusBadGateway, "application/json", body) // want `upstream error body body is sent to the client; answer with a message of this service`
		return
	}
	c.Data(http.StatusOK, "application/json", body)
}

func writeError(c *gin.Context, code int, err error) {
	c.JSON(code, gin.H{"error": err.Error()})
}

func badHelper(c *gin.Context) {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		writeError(c, http.StatusBadGateway, err) // want `dependency error err is sent to the client by writeError`
	}
}

// --- correct code ---

func goodBindError(c *gin.Context) {
	var req struct {
		ItemID string `json:"item_id"`
	}
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	n, err := strconv.Atoi(c.Query("n"))
	if err != nil {
		c.String(http.StatusBadRequest, "bad n: %v", err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"item_id": req.ItemID, "n": n})
}

func goodLogged(c *gin.Context) {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		log.Printf("billing: %v", err)
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing unavailable"})
	}
}

func goodAbortWithError(c *gin.Context) {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		// gin keeps c.Errors internal: the client gets the status only.
		c.AbortWithError(http.StatusBadGateway, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func goodContextError(c *gin.Context) {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		c.Error(err)
		c.AbortWithStatusJSON(http.StatusBadGateway, gin.H{"error": "billing unavailable"})
	}
}

func goodSuccessBody(c *gin.Context) {
	resp, err := client.Get("http://catalog.internal/items")
	if err != nil {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == http.StatusOK {
		c.Data(http.StatusOK, "application/json", body)
		return
	}
	c.JSON(http.StatusBadGateway, gin.H{"error": "catalog failed"})
}

// A sentinel tested with errors.Is is ours to show, also inside a
// payload map.
func goodSentinelInPayload(c *gin.Context) {
	err := reserve(c.Param("id"))
	if errors.Is(err, ErrSoldOut) {
		c.JSON(http.StatusConflict, gin.H{"error": err.Error()})
		return
	}
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "reservation failed"})
	}
}

func reserve(id string) error {
	resp, err := client.Get("http://inventory.internal/reserve/" + id)
	if err != nil {
		return fmt.Errorf("inventory: %w", err)
	}
	resp.Body.Close()
	return nil
}
