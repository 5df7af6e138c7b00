// Package ginlogged attaches errors that its middleware only logs: gin
// answers c.AbortWithError(500, err) with the status alone.
package ginlogged

import (
	"database/sql"
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
)

var db *sql.DB

func logErrors(c *gin.Context) {
	c.Next()
	for _, e := range c.Errors {
		log.Printf("request failed: %v", e.Err)
	}
}

func Routes(r *gin.Engine) {
	r.Use(logErrors)
	r.GET("/user", getUser)
}

func getUser(c *gin.Context) {
	var name string
	if err := db.QueryRow("SELECT name FROM users WHERE id = $1", c.Param("id")).Scan(&name); err != nil {
		_ = c.AbortWithError(http.StatusInternalServerError, err)
		return
	}
	c.String(http.StatusOK, name)
}
