// Package echodelegate installs an echo error handler that logs and
// hands every error to echo's own DefaultHTTPErrorHandler (knadh/listmonk,
// cmd/handlers.go): an HTTPError's message is still sent.
package echodelegate

import (
	"database/sql"
	"log"
	"net/http"

	"github.com/labstack/echo/v4"
)

var db *sql.DB

func Routes() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = func(err error, c echo.Context) {
		if _, ok := err.(*echo.HTTPError); !ok {
			log.Println(err.Error())
		}
		e.DefaultHTTPErrorHandler(err, c)
	}
	e.GET("/user", getUser)
	return e
}

func getUser(c echo.Context) error {
	var name string
	if err := db.QueryRow("SELECT name FROM users WHERE id = $1", c.Param("id")).Scan(&name); err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError, err.Error()) // want `dependency error err.Error\(\) is sent to the client`
	}
	return c.String(http.StatusOK, name)
}
