// Package envapp: 200 envelopes that say failure, on the real gin module
// (the softerror envelope rule), with the helpers of an admin back-end.
package envapp

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type Response struct {
	Code int         `json:"code"`
	Data interface{} `json:"data"`
	Msg  string      `json:"msg"`
}

const (
	ERROR   = 7
	SUCCESS = 0
)

func Result(code int, data interface{}, msg string, c *gin.Context) {
	c.JSON(http.StatusOK, Response{code, data, msg})
}

func OkWithData(data interface{}, c *gin.Context) { Result(SUCCESS, data, "ok", c) }

func FailWithMessage(msg string, c *gin.Context) { Result(ERROR, map[string]interface{}{}, msg, c) }

func Routes(g *gin.Engine) {
	g.GET("/env/a", func(c *gin.Context) {
		if c.Query("id") == "" {
			c.JSON(http.StatusOK, gin.H{"success": false, "message": "id is required"})
			return
		}
		c.JSON(http.StatusOK, gin.H{"success": true, "data": c.Query("id")})
	})
	g.GET("/env/b", func(c *gin.Context) {
		if c.Query("id") == "" {
			FailWithMessage("id is required", c)
			return
		}
		OkWithData(c.Query("id"), c)
	})
}
