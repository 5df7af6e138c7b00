// Package constructor: the failure envelope is built by a function of
// the package and written by the handler (CocaineCong/gin-mall,
// api/v1/address.go with ErrorResponse): the constructor's literal, with
// its parameters read as the call's arguments, decides.
package constructor

import (
	"database/sql"
	"net/http"

	"github.com/gin-gonic/gin"
)

const (
	SUCCESS = 200
	ERROR   = 500
)

type Response struct {
	Status int         `json:"status"`
	Data   interface{} `json:"data"`
	Msg    string      `json:"msg"`
	Error  string      `json:"error"`
}

var db *sql.DB

func ErrorResponse(err error) *Response {
	return &Response{Status: ERROR, Msg: "operation failed", Error: err.Error()}
}

// RespError takes the code: a failure code passed in makes a failure.
func RespError(err error, code int) *Response {
	return &Response{Status: code, Msg: "failed", Error: err.Error()}
}

func RespSuccess(data interface{}) *Response {
	return &Response{Status: SUCCESS, Data: data, Msg: "ok"}
}

// errorBody is an error-only map.
func errorBody(msg string) gin.H {
	return gin.H{"error": msg}
}

// detailed puts the error's text in the data key: still no data.
func detailed(err error) *Response {
	return &Response{Status: ERROR, Msg: "failed", Data: err.Error()}
}

func Create(c *gin.Context) {
	if _, err := db.Exec("INSERT INTO addresses DEFAULT VALUES"); err != nil {
		c.JSON(http.StatusOK, ErrorResponse(err)) // want `failure envelope Response \(status: 500\) built by ErrorResponse is sent with explicit status 200; use an error status`
		return
	}
	c.JSON(http.StatusOK, RespSuccess("created"))
}

func Update(c *gin.Context) {
	if _, err := db.Exec("UPDATE addresses SET x = 1"); err != nil {
		c.JSON(http.StatusOK, RespError(err, ERROR)) // want `failure envelope Response \(status: 500\) built by RespError`
		return
	}
	c.JSON(http.StatusOK, RespError(nil, SUCCESS)) // a success code: not a failure (and nil has no Error, but the status decides)
}

func Delete(c *gin.Context) {
	if _, err := db.Exec("DELETE FROM addresses"); err != nil {
		c.JSON(http.StatusOK, errorBody("could not delete")) // want `error-only body gin.H built by errorBody is sent with explicit status 200`
		return
	}
	c.Status(http.StatusNoContent)
}

func Show(c *gin.Context) {
	if _, err := db.Exec("SELECT 1"); err != nil {
		c.JSON(http.StatusOK, detailed(err)) // want `failure envelope Response \(status: 500\) built by detailed`
		return
	}
	c.JSON(http.StatusOK, RespSuccess([]string{"a"}))
}

// With an error status, the constructor's envelope is fine.
func List(c *gin.Context) {
	if _, err := db.Exec("SELECT 1"); err != nil {
		c.JSON(http.StatusInternalServerError, ErrorResponse(err))
		return
	}
	c.JSON(http.StatusOK, RespSuccess(nil))
}
