// Package errorhandler2: echo's HTTPErrorHandler and a gin error
// middleware answer the request themselves, with and without a status.
package errorhandler2

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

func setup() {
	e := echo.New()
	e.HTTPErrorHandler = echoErrors
	e2 := echo.New()
	e2.HTTPErrorHandler = echoErrorsWithStatus
}

// echoErrors answers every error with 200.
func echoErrors(err error, c echo.Context) {
	_ = c.JSON(http.StatusOK, map[string]string{"error": err.Error()}) // want `error-only body map\[string\]string is sent with explicit status 200; use an error status`
}

// echoErrorsWithStatus sends the error's status: silent.
func echoErrorsWithStatus(err error, c echo.Context) {
	code := http.StatusInternalServerError
	if he, ok := err.(*echo.HTTPError); ok {
		code = he.Code
	}
	_ = c.JSON(code, map[string]string{"error": err.Error()})
}

// ginErrors is a gin error middleware that writes the last error with a
// failure envelope and 200.
func ginErrors(c *gin.Context) {
	c.Next()
	if len(c.Errors) > 0 {
		c.JSON(http.StatusOK, gin.H{"code": 500, "msg": c.Errors.Last().Error()}) // want `failure envelope gin.H \(code: 500\) is sent with explicit status 200; use an error status`
	}
}

// ginErrorsWithStatus sets the status first: silent.
func ginErrorsWithStatus(c *gin.Context) {
	c.Next()
	if len(c.Errors) > 0 {
		c.Status(http.StatusInternalServerError)
		c.JSON(-1, gin.H{"code": 500, "msg": c.Errors.Last().Error()})
	}
}
