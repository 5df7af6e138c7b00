// Package ogen implements an ogen-generated server (example.com/ogenapi):
// an error of the generated ErrorStatusCode type that a handler returns
// is written by generated code with its StatusCode. A helper building it
// with its own 500 and the text of its error parameter is the finding
// (oteldb's lokihandler.executionErr), once.
package ogen

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"

	"example.com/ogenapi"
)

var db *sql.DB

type API struct{}

var _ ogenapi.Handler = API{}

func executionErr(err error, msg string) error {
	return &ogenapi.ErrorStatusCode{
		StatusCode: http.StatusInternalServerError,
		Response:   ogenapi.Error(fmt.Sprintf("%s: %s", msg, err)), // want `error text of err is sent by the generated response \*ogenapi.ErrorStatusCode with status 500`
	}
}

// validationErr sends the client's own input error with 400: silent.
func validationErr(err error, msg string) error {
	return &ogenapi.ErrorStatusCode{
		StatusCode: http.StatusBadRequest,
		Response:   ogenapi.Error(fmt.Sprintf("%s: %s", msg, err)),
	}
}

func (API) GetItem(ctx context.Context, id string) (string, error) {
	if id == "" {
		return "", validationErr(fmt.Errorf("id is empty"), "parse id")
	}
	var name string
	if err := db.QueryRowContext(ctx, "SELECT name FROM items WHERE id = $1", id).Scan(&name); err != nil {
		return "", executionErr(err, "query") // the helper's finding
	}
	return name, nil
}

// NewError answers any other error with a generic message.
func (API) NewError(_ context.Context, err error) *ogenapi.ErrorStatusCode {
	return &ogenapi.ErrorStatusCode{StatusCode: http.StatusInternalServerError, Response: "internal error"}
}
