// Package echohandler installs an echo HTTPErrorHandler that sends the
// error's text; echo's default one answers a plain error with a generic
// message.
package echohandler

import (
	"database/sql"
	"net/http"

	"github.com/labstack/echo/v4"
)

var db *sql.DB

func Routes() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = func(err error, c echo.Context) {
		code := http.StatusInternalServerError
		if he, ok := err.(*echo.HTTPError); ok {
			code = he.Code
		}
		_ = c.JSON(code, map[string]string{"message": err.Error()}) // want `error text of err is sent with status 500; internal errors carry details`
	}
	e.GET("/user", getUser)
	e.GET("/mapped", mapped)
	return e
}

func getUser(c echo.Context) error {
	var name string
	if err := db.QueryRow("SELECT name FROM users WHERE id = $1", c.Param("id")).Scan(&name); err != nil {
		return err // the handler's finding: it sends a plain error's text with its own 500
	}
	return c.String(http.StatusOK, name)
}

// mapped returns an HTTPError whose internal error the handler keeps: silent.
func mapped(c echo.Context) error {
	if _, err := db.Exec("UPDATE counters SET n = n + 1"); err != nil {
		return echo.NewHTTPError(http.StatusServiceUnavailable, "try again later").SetInternal(err)
	}
	return c.NoContent(http.StatusNoContent)
}
