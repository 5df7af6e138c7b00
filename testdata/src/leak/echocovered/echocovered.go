// Package echocovered installs an error handler that sends every
// error's text with its own 500: that handler is the finding (the
// server-error rule), and the handlers returning errors to it are not
// reported again.
package echocovered

import (
	"database/sql"
	"net/http"

	"github.com/labstack/echo/v4"
)

var db *sql.DB

func Other() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = sendText
	e.GET("/other", getOther)
	return e
}

func sendText(err error, c echo.Context) {
	_ = c.String(http.StatusInternalServerError, err.Error()) // want `error text of err is sent with status 500`
}

func getOther(c echo.Context) error {
	if _, err := db.Exec("DELETE FROM sessions"); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
