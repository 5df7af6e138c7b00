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

// Result chooses 200 for every answer: the fix belongs here, once.
func Result(code int, data interface{}, msg string, c *gin.Context) { // want `failure envelopes \(Code: 7\) are sent with status 200 by Result, from 2 calls; send the failure as the response status`
	c.JSON(http.StatusOK, Response{code, data, msg})
}

func Ok(c *gin.Context) {
	Result(SUCCESS, map[string]interface{}{}, "ok", c)
}

func OkWithData(data interface{}, c *gin.Context) {
	Result(SUCCESS, data, "found", c)
}

func Fail(c *gin.Context) {
	Result(ERROR, map[string]interface{}{}, "failed", c)
}

func FailWithMessage(message string, c *gin.Context) {
	Result(ERROR, map[string]interface{}{}, message, c)
}

// FailWithDetailed carries data: not error-only.
func FailWithDetailed(data interface{}, message string, c *gin.Context) {
	Result(ERROR, data, message, c)
}

// HTTPResult is the same envelope with HTTP-like codes.
func HTTPResult(code int, msg string, c *gin.Context) { // want `failure envelope \(Code: 500\) is sent with status 200 by HTTPResult, from 1 call`
	c.JSON(http.StatusOK, Response{Code: code, Msg: msg})
}

func ServerFail(msg string, c *gin.Context) {
	HTTPResult(http.StatusInternalServerError, msg, c)
}

func Created(c *gin.Context) {
	HTTPResult(http.StatusCreated, "created", c)
}
