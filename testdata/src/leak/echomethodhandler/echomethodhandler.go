// Package echomethodhandler installs its echo error handler as a method
// value, through a field of a container (mikestefanello/pagoda,
// pkg/handlers/router.go): the page it renders shows nothing of the
// error, so the errors handlers return are not sent (silent), where
// echo's default handler would send an HTTPError's message.
package echomethodhandler

import (
	"database/sql"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"
)

var db *sql.DB

type Container struct {
	Web *echo.Echo
}

type Error struct{}

// Page renders a generic page by status; the error is only logged.
func (e *Error) Page(err error, ctx echo.Context) {
	code := http.StatusInternalServerError
	if he, ok := err.(*echo.HTTPError); ok {
		code = he.Code
	}
	fmt.Println("request failed:", err)
	ctx.Response().WriteHeader(code)
	_ = ctx.HTML(code, "<h1>Something went wrong</h1>")
}

func Build(c *Container) {
	c.Web.HTTPErrorHandler = new(Error).Page
	c.Web.GET("/user", getUser)
}

// fail keeps the text in the HTTPError's message, which Page never shows.
func fail(err error, log string) error {
	return echo.NewHTTPError(http.StatusInternalServerError, fmt.Sprintf("%s: %v", log, err))
}

func getUser(c echo.Context) error {
	var name string
	if err := db.QueryRow("SELECT name FROM users WHERE id = $1", c.Param("id")).Scan(&name); err != nil {
		return fail(err, "query user")
	}
	return c.String(http.StatusOK, name)
}

func getUserDirect(c echo.Context) error {
	var name string
	if err := db.QueryRow("SELECT name FROM users WHERE id = $1", c.Param("id")).Scan(&name); err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError, err.Error())
	}
	return c.String(http.StatusOK, name)
}
