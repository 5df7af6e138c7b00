// Package envelopefix holds envelope helpers whose fix changes the
// helper's 200 into a status derived from the code it is given.
package envelopefix

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
)

type Response struct {
	Code int         `json:"code"`
	Data interface{} `json:"data"`
	Msg  string      `json:"msg"`
}

const (
	SUCCESS = 0
	ERROR   = 7
)

// Result is called with the package's success and failure codes.
func Result(code int, data interface{}, msg string, c *gin.Context) { // want `failure envelopes \(Code: 7\) are sent with status 200 by Result, from 21 calls`
	c.JSON(http.StatusOK, Response{code, data, msg})
}

func Ok(data interface{}, c *gin.Context) { Result(SUCCESS, data, "ok", c) }

func Fail(msg string, c *gin.Context) { Result(ERROR, nil, msg, c) }

// Send takes HTTP-like codes, and already uses the name status.
func Send(c *gin.Context, code int, msg string) { // want `failure envelopes \(Code: 404, Code: 502\) are sent with status 200 by Send, from 2 calls`
	status := "sent"
	c.JSON(200, Response{Code: code, Msg: msg})
	_ = status
}

func notFound(c *gin.Context) { Send(c, http.StatusNotFound, "no such item") }

func badGateway(c *gin.Context) { Send(c, http.StatusBadGateway, "upstream failed") }

func created(c *gin.Context) { Send(c, http.StatusCreated, "created") }

// A Code is a named business code.
type Code int32

const (
	CodeOK     Code = 200
	CodeFailed Code = -1
)

// Write writes the envelope through net/http.
func Write(w http.ResponseWriter, code Code, msg string) { // want `failure envelope \(Code: -1\) is sent with status 200 by Write, from 1 call`
	w.WriteHeader(http.StatusOK)
	json.NewEncoder(w).Encode(Response{Code: int(code), Msg: msg})
}

func okW(w http.ResponseWriter, r *http.Request)   { Write(w, CodeOK, "done") }
func failW(w http.ResponseWriter, r *http.Request) { Write(w, CodeFailed, "failed") }
