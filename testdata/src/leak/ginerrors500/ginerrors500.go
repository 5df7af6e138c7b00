// Package ginerrors500 installs an error middleware that answers a
// not-found error with 404 and its (fixed) text, and any other attached
// error with its text and its own 500 (dragonfly's manager middleware):
// the middleware's write is the finding, once, and the handlers
// attaching dependency errors are not reported again.
package ginerrors500

import (
	"database/sql"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
)

var db *sql.DB

type errorResponse struct {
	Message string `json:"message"`
}

func Errors() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Next()
		err := c.Errors.Last()
		if err == nil {
			return
		}
		if errors.Is(err.Err, sql.ErrNoRows) {
			c.JSON(http.StatusNotFound, errorResponse{Message: err.Error()})
			c.Abort()
			return
		}
		c.JSON(http.StatusInternalServerError, errorResponse{Message: err.Err.Error()}) // want `error text of err.Err is sent with status 500`
		c.Abort()
	}
}

func Routes(r *gin.Engine) {
	r.Use(Errors())
	r.GET("/user", getUser)
}

func getUser(c *gin.Context) {
	var name string
	if err := db.QueryRow("SELECT name FROM users WHERE id = $1", c.Param("id")).Scan(&name); err != nil {
		c.Error(err) // the middleware's finding
		return
	}
	c.String(http.StatusOK, name)
}
