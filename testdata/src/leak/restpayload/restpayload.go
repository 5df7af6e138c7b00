// Package restpayload answers with an error value of its own whose
// causes are kept out of the JSON (json:"-"): the payload is an
// interface, so what it can hold decides what the encoder writes.
package restpayload

import (
	"database/sql"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
)

var db *sql.DB

type RestErr interface {
	Status() int
	Error() string
}

type RestError struct {
	ErrStatus int         `json:"status"`
	ErrError  string      `json:"error"`
	ErrCauses interface{} `json:"-"`
}

func (e RestError) Error() string { return e.ErrError }
func (e RestError) Status() int   { return e.ErrStatus }

func parseErrors(err error) RestErr {
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return RestError{ErrStatus: http.StatusNotFound, ErrError: "not found", ErrCauses: err}
	default:
		if restErr, ok := err.(RestErr); ok {
			return restErr
		}
		return RestError{ErrStatus: http.StatusInternalServerError, ErrError: "internal error", ErrCauses: err}
	}
}

func errorResponse(err error) (int, interface{}) {
	return parseErrors(err).Status(), parseErrors(err)
}

func get(c echo.Context) error {
	var name string
	if err := db.QueryRow("SELECT name FROM users WHERE id = $1", c.Param("id")).Scan(&name); err != nil {
		return c.JSON(errorResponse(err))
	}
	return c.String(http.StatusOK, name)
}

// Debug exposes the causes: reported.
type Debug struct {
	Error  string `json:"error"`
	Causes string `json:"causes"`
}

func debug(c echo.Context) error {
	if _, err := db.Exec("DELETE FROM sessions"); err != nil {
		var payload interface{} = Debug{Error: "internal error", Causes: err.Error()}
		return c.JSON(http.StatusBadGateway, payload) // want `dependency error payload is sent to the client`
	}
	return c.NoContent(http.StatusNoContent)
}
