// Package echoenvelope installs an echo error handler that builds a
// JSON:API error document on each of several paths and writes its status
// and body with one helper (cozy-stack's web/errors.ErrorHandler): a
// not-found error gets 404, an error of the package its own code, an
// echo error echo's handler, and any other error its text with the
// handler's own 500. That last path is the finding (the server-error
// rule), once, and the handlers returning dependency errors to it are
// not reported again.
package echoenvelope

import (
	"database/sql"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
)

var db *sql.DB

// apiError is the JSON:API error object.
type apiError struct {
	Status int    `json:"status,string"`
	Title  string `json:"title"`
	Detail string `json:"detail"`
}

func (e *apiError) Error() string { return e.Detail }

func notFound(err error) *apiError {
	return &apiError{Status: http.StatusNotFound, Title: "Not Found", Detail: err.Error()}
}

// writeError writes the error object with its own status.
func writeError(c echo.Context, e *apiError) error {
	resp := c.Response()
	resp.WriteHeader(e.Status)
	return json.NewEncoder(resp).Encode(map[string][]*apiError{"errors": {e}})
}

func Routes() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = errorHandler
	e.GET("/doc", getDoc)
	e.GET("/count", count)
	return e
}

func errorHandler(err error, c echo.Context) {
	var ae *apiError
	var ok bool
	if _, ok = err.(*echo.HTTPError); ok {
		// echo's own handler below
	} else if errors.Is(err, sql.ErrNoRows) {
		ae = notFound(err)
	} else if ae, ok = err.(*apiError); !ok {
		ae = &apiError{
			Status: http.StatusInternalServerError,
			Title:  "Unqualified error",
			Detail: err.Error(), // want `error text of err is sent with status 500; internal errors carry details`
		}
	}
	if ae != nil {
		_ = writeError(c, ae)
		return
	}
	c.Echo().DefaultHTTPErrorHandler(err, c)
}

// getDoc returns the database's error to the handler, which sends its
// text with its own 500: reported there, not here.
func getDoc(c echo.Context) error {
	var body string
	if err := db.QueryRow("SELECT body FROM docs WHERE id = $1", c.Param("id")).Scan(&body); err != nil {
		return err
	}
	return c.String(http.StatusOK, body)
}

// count answers with an error of the package: its own 400.
func count(c echo.Context) error {
	if c.QueryParam("n") == "" {
		return &apiError{Status: http.StatusBadRequest, Title: "Bad Request", Detail: "n is missing"}
	}
	return c.NoContent(http.StatusNoContent)
}

// ownPaths builds envelopes whose 5xx carries a text of its own: silent.
func ownPaths(err error, c echo.Context) {
	ae := &apiError{Status: http.StatusServiceUnavailable, Title: "Unavailable", Detail: "try again later"}
	if errors.Is(err, sql.ErrNoRows) {
		ae = notFound(err)
	}
	_ = writeError(c, ae)
}
