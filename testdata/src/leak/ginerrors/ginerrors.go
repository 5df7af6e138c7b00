// Package ginerrors attaches errors to the context with c.Error and
// installs a middleware that writes their text.
package ginerrors

import (
	"database/sql"
	"net/http"

	"github.com/gin-gonic/gin"
)

var db *sql.DB

// Errors writes the last attached error's text once the handlers ran.
func Errors() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Next()
		if len(c.Errors) > 0 {
			c.JSON(-1, gin.H{"error": c.Errors.Last().Error()})
		}
	}
}

func Routes(r *gin.Engine) {
	r.Use(Errors())
	r.GET("/user", getUser)
	r.GET("/own", own)
}

func getUser(c *gin.Context) {
	var name string
	if err := db.QueryRow("SELECT name FROM users WHERE id = $1", c.Param("id")).Scan(&name); err != nil {
		c.Error(err) // want `dependency error err is attached to the context for an error middleware \(ginerrors.go:16\), which sends its text to the client; log it and attach an error with a generic message`
		return
	}
	c.String(http.StatusOK, name)
}

var errNoName = sql.ErrNoRows

// own attaches our own error: silent.
func own(c *gin.Context) {
	_ = c.AbortWithError(http.StatusBadRequest, errNoName)
}
