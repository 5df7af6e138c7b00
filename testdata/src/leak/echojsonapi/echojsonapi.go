// Package echojsonapi: handlers return the module's JSON:API errors to
// an installed echo error handler that writes them with their status
// (cozy-stack's web/errors.ErrorHandler). A not-found document built
// from an error after a test for the library's sentinel carries the
// sentinel's text: silent (cozy-stack's apps.go: errors.Is(err,
// app.ErrNotFound), then jsonapi.NotFound(err)). Built from any error,
// it sends a dependency's text.
package echojsonapi

import (
	"database/sql"
	"errors"
	"net/http"
	"os"

	"example.com/jsonapi"
	"github.com/labstack/echo/v4"
)

var db *sql.DB

func Routes() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = errorHandler
	e.GET("/a", guarded)
	e.GET("/b", unguarded)
	e.GET("/c", looked)
	e.GET("/d", twice)
	return e
}

func errorHandler(err error, c echo.Context) {
	var je *jsonapi.Error
	var ok bool
	if os.IsNotExist(err) {
		je = jsonapi.NotFound(err)
	} else if je, ok = err.(*jsonapi.Error); !ok {
		je = &jsonapi.Error{Status: http.StatusInternalServerError, Title: "Internal", Detail: "internal error"}
	}
	_ = jsonapi.DataError(c, je)
}

func guarded(c echo.Context) error {
	var body string
	if err := db.QueryRow("SELECT body FROM docs WHERE id = $1", c.Param("id")).Scan(&body); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return jsonapi.NotFound(err)
		}
		return err // want `dependency error err is returned to the error handler errorHandler`
	}
	return c.String(http.StatusOK, body)
}

func unguarded(c echo.Context) error {
	var body string
	if err := db.QueryRow("SELECT body FROM docs WHERE id = $1", c.Param("id")).Scan(&body); err != nil {
		return jsonapi.NotFound(err) // want `dependency error jsonapi.NotFound\(err\) is returned to the error handler errorHandler`
	}
	return c.String(http.StatusOK, body)
}

// lookup queries the database in a function of the package.
func lookup(id string) (string, error) {
	var body string
	err := db.QueryRow("SELECT body FROM docs WHERE id = $1", id).Scan(&body)
	return body, err
}

// looked is guarded through lookup: silent.
func looked(c echo.Context) error {
	body, err := lookup(c.Param("id"))
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return jsonapi.NotFound(err)
		}
		return c.NoContent(http.StatusServiceUnavailable)
	}
	return c.String(http.StatusOK, body)
}

// lookupAll queries through lookup.
func lookupAll(id string) (string, error) { return lookup(id + "/all") }

// twice tests the first lookup's error, not the second's, which comes
// through lookupAll: reported (flipt's Callback calls api, then
// getUserOrgs, which calls api).
func twice(c echo.Context) error {
	body, err := lookup(c.Param("id"))
	if err != nil {
		return c.NoContent(http.StatusServiceUnavailable)
	}
	more, err := lookupAll(body)
	if err != nil {
		return jsonapi.NotFound(err) // want `dependency error jsonapi.NotFound\(err\) is returned to the error handler errorHandler`
	}
	return c.String(http.StatusOK, more)
}
