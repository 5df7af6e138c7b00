// Package response is an admin back-end's envelope: every answer is 200
// with {code, data, msg}; SUCCESS and ERROR are its business codes.
package response

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

func Ok(c *gin.Context) {
	Result(SUCCESS, map[string]interface{}{}, "ok", c)
}

func OkWithData(data interface{}, c *gin.Context) {
	Result(SUCCESS, data, "found", c)
}

func Fail(c *gin.Context) {
	Result(ERROR, map[string]interface{}{}, "failed", c) // want `failure envelope \(Code: 7\) is sent with status 200 by Result; use an error status`
}

func FailWithMessage(message string, c *gin.Context) {
	Result(ERROR, map[string]interface{}{}, message, c) // want `failure envelope \(Code: 7\) is sent with status 200 by Result`
}

// FailWithDetailed carries data: not error-only.
func FailWithDetailed(data interface{}, message string, c *gin.Context) {
	Result(ERROR, data, message, c)
}

// HTTPResult is the same envelope with HTTP-like codes.
func HTTPResult(code int, msg string, c *gin.Context) {
	c.JSON(http.StatusOK, Response{Code: code, Msg: msg})
}

func ServerFail(msg string, c *gin.Context) {
	HTTPResult(http.StatusInternalServerError, msg, c) // want `failure envelope \(Code: 500\) is sent with status 200 by HTTPResult`
}

func Created(c *gin.Context) {
	HTTPResult(http.StatusCreated, "created", c)
}
