// Package generated: handlers of a generated server (oapi-codegen's
// strict server) answer by returning a typed response, which generated
// code writes with the status its type names
// (MarioCarrion/todo-api-microservice-example, internal/rest/task_handler.go).
package generated

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"example.com/strictapi"
	"example.com/strictapibuf"
	"example.com/swaggerapi"
	"github.com/go-openapi/runtime/middleware"
	"github.com/go-openapi/swag"
)

type TaskHandler struct {
	db *sql.DB
}

var _ strictapi.StrictServerInterface = (*TaskHandler)(nil)

var ErrNameTaken = errors.New("name taken")

func (h *TaskHandler) CreateTask(ctx context.Context, req strictapi.CreateTaskRequestObject) (strictapi.CreateTaskResponseObject, error) {
	if req.Body == nil || req.Body.Name == "" {
		return strictapi.CreateTask400JSONResponse{Error: "name is required"}, nil
	}
	if _, err := strconv.Atoi(req.Body.ID); err != nil {
		return strictapi.CreateTask400JSONResponse{Error: err.Error()}, nil // the client's input
	}
	res, err := h.db.ExecContext(ctx, "INSERT INTO tasks(name) VALUES ($1)", req.Body.Name)
	if err != nil {
		return strictapi.CreateTask500JSONResponse{Error: err.Error()}, nil // want `dependency error err.Error\(\) is sent to the client by the generated response strictapi.CreateTask500JSONResponse with status 500`
	}
	id, err := res.LastInsertId()
	if err != nil {
		return strictapi.CreateTask500JSONResponse{Error: "internal error"}, nil
	}
	return strictapi.CreateTask201JSONResponse{ID: strconv.FormatInt(id, 10), Name: req.Body.Name}, nil
}

// The 5xx rule: an error's text sent with a 500 is internal, whatever its
// origin.
func serverError(err error) strictapi.CreateTaskResponseObject {
	return strictapi.CreateTask500JSONResponse{Error: err.Error()} // want `error text of err is sent by the generated response strictapi.CreateTask500JSONResponse with status 500; internal errors carry details`
}

func ownError() strictapi.CreateTaskResponseObject {
	return strictapi.CreateTask500JSONResponse{Error: ErrNameTaken.Error()}
}

func viaVariable(ctx context.Context, db *sql.DB) strictapi.CreateTaskResponseObject {
	var name string
	if err := db.QueryRowContext(ctx, "SELECT name FROM tasks LIMIT 1").Scan(&name); err != nil {
		resp := strictapi.CreateTaskdefaultJSONResponse{StatusCode: 503, Body: strictapi.ErrorResponse{Error: err.Error()}} // want `dependency error err.Error\(\) is sent to the client by the generated response strictapi.CreateTaskdefaultJSONResponse`
		return resp
	}
	return strictapi.CreateTask201JSONResponse{Name: name}
}

func assignedField(ctx context.Context, db *sql.DB) strictapi.CreateTaskResponseObject {
	if _, err := db.ExecContext(ctx, "DELETE FROM tasks"); err != nil {
		resp := strictapi.CreateTask500JSONResponse{}
		resp.Error = err.Error() // want `dependency error err.Error\(\) is sent to the client by the generated response strictapi.CreateTask500JSONResponse with status 500`

		return resp
	}
	return strictapi.CreateTask201JSONResponse{}
}

func assignedUnknown(err error) strictapi.CreateTaskResponseObject {
	resp := strictapi.CreateTask500JSONResponse{}
	resp.Error = err.Error() // want `error text of err is sent by the generated response strictapi.CreateTask500JSONResponse with status 500`
	return resp
}

// The response type embeds the generated error body: its fields are
// the response's (encoding/json flattens them).
func embedded(ctx context.Context, db *sql.DB) strictapi.DeleteTaskResponseObject {
	if _, err := db.ExecContext(ctx, "DELETE FROM tasks"); err != nil {
		resp := strictapi.DeleteTask500JSONResponse{}
		resp.Error = err.Error() // want `dependency error err.Error\(\) is sent to the client by the generated response strictapi.DeleteTask500JSONResponse with status 500`

		return resp
	}
	return nil
}

// go-swagger: the handler returns a responder whose WriteResponse
// writes the payload with the status its type names.
func swaggerGet(ctx context.Context, db *sql.DB) middleware.Responder {
	var name string
	if err := db.QueryRowContext(ctx, "SELECT name FROM tasks LIMIT 1").Scan(&name); err != nil {
		return swaggerapi.NewGetTaskInternalServerError().WithPayload(&swaggerapi.Error{Message: err.Error()}) // want `dependency error err.Error\(\) is sent to the client by the generated response \*swaggerapi.GetTaskInternalServerError with status 500`
	}
	return swaggerapi.NewGetTaskOK().WithPayload(&swaggerapi.Task{Name: name})
}

// swaggerDetail sends the text through swag.String, as go-swagger's
// models take it; after a test for our sentinel, the sentinel's own
// text.
func swaggerDetail(ctx context.Context, db *sql.DB) middleware.Responder {
	var name string
	err := db.QueryRowContext(ctx, "SELECT name FROM tasks LIMIT 1").Scan(&name)
	if errors.Is(err, errNoTask) {
		return swaggerapi.NewGetTaskInternalServerError().WithPayload(&swaggerapi.Error{Detail: swag.String(err.Error())})
	}
	if err != nil {
		return swaggerapi.NewGetTaskInternalServerError().WithPayload(&swaggerapi.Error{Detail: swag.String(err.Error())}) // want `dependency error swag.String\(err.Error\(\)\) is sent to the client`
	}
	return swaggerapi.NewGetTaskOK().WithPayload(&swaggerapi.Task{Name: name})
}

var errNoTask = errors.New("no task")

func swaggerOwn(ctx context.Context, db *sql.DB) middleware.Responder {
	var name string
	if err := db.QueryRowContext(ctx, "SELECT name FROM tasks LIMIT 1").Scan(&name); err != nil {
		return swaggerapi.NewGetTaskInternalServerError().WithPayload(&swaggerapi.Error{Message: "internal error"})
	}
	return swaggerapi.NewGetTaskOK().WithPayload(&swaggerapi.Task{Name: name})
}

// A sentinel tested before: its own text (openflagr/flagr, crud.go:316).
func sentinel(ctx context.Context, db *sql.DB) strictapi.CreateTaskResponseObject {
	var name string
	err := db.QueryRowContext(ctx, "SELECT name FROM tasks LIMIT 1").Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return strictapi.CreateTask400JSONResponse{Error: err.Error()}
	}
	if err != nil {
		return strictapi.CreateTask500JSONResponse{Error: "internal error"}
	}
	return strictapi.CreateTask201JSONResponse{Name: name}
}

// The error formatted into a message by a function of the package.
func message(format string, err error) *swaggerapi.Error {
	return &swaggerapi.Error{Message: fmt.Sprintf(format, err)}
}

func formatted(ctx context.Context, db *sql.DB) middleware.Responder {
	if _, err := db.ExecContext(ctx, "DELETE FROM tasks"); err != nil {
		return swaggerapi.NewGetTaskDefault(500).WithPayload(message("delete failed: %s", err)) // want `dependency error message\("delete failed: %s", err\) is sent to the client by the generated response \*swaggerapi.GetTaskDefault`
	}
	return swaggerapi.NewGetTaskOK()
}

// oapi-codegen v2.8.2 encodes the response into a buffer and writes the
// buffer: the body is still the response's.
type ItemHandler struct {
	db *sql.DB
}

var _ strictapibuf.StrictServerInterface = (*ItemHandler)(nil)

func (h *ItemHandler) GetItem(ctx context.Context, req strictapibuf.GetItemRequestObject) (strictapibuf.GetItemResponseObject, error) {
	id, err := strconv.Atoi(req.Id)
	if err != nil {
		return strictapibuf.GetItem400JSONResponse{Message: err.Error()}, nil // the client's input
	}
	var name string
	if err := h.db.QueryRowContext(ctx, "SELECT name FROM items WHERE id = $1", id).Scan(&name); err != nil {
		return strictapibuf.GetItem500JSONResponse{Message: err.Error()}, nil // want `dependency error err.Error\(\) is sent to the client by the generated response strictapibuf.GetItem500JSONResponse with status 500`
	}
	if name == "" {
		return strictapibuf.GetItemdefaultJSONResponse{StatusCode: http.StatusNotFound, Body: strictapibuf.Error{Message: "no such item"}}, nil
	}
	return strictapibuf.GetItem200JSONResponse{Id: req.Id, Name: name}, nil
}

func bufferedUnknown(err error) strictapibuf.GetItemResponseObject {
	return strictapibuf.GetItem500JSONResponse{Message: err.Error()} // want `error text of err is sent by the generated response strictapibuf.GetItem500JSONResponse with status 500`
}

// errorMessage formats its arguments, as flagr's ErrorMessage does.
func errorMessage(format string, data ...interface{}) *swaggerapi.Error {
	return &swaggerapi.Error{Message: fmt.Sprintf(format, data...)}
}

// A sentinel tested before, the error passed as a variadic argument
// (openflagr/flagr, crud.go:316): the sentinel's own text.
func sentinelVariadic(ctx context.Context, db *sql.DB) middleware.Responder {
	var name string
	err := db.QueryRowContext(ctx, "SELECT name FROM tasks LIMIT 1").Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return swaggerapi.NewGetTaskDefault(404).WithPayload(errorMessage("%s", err))
	}
	if err != nil {
		return swaggerapi.NewGetTaskDefault(500).WithPayload(errorMessage("%s", err)) // want `dependency error errorMessage\("%s", err\) is sent to the client by the generated response \*swaggerapi.GetTaskDefault`
	}
	return swaggerapi.NewGetTaskOK()
}

// The status is set where the handler builds the default response
// (NewGetTaskDefault(500)): an error's text with it is internal.
func defaultUnknown(err error) middleware.Responder {
	return swaggerapi.NewGetTaskDefault(500).WithPayload(&swaggerapi.Error{Message: err.Error()}) // want `error text of err is sent by the generated response \*swaggerapi.GetTaskDefault with status 500`
}

func defaultUnknown400(err error) middleware.Responder {
	return swaggerapi.NewGetTaskDefault(400).WithPayload(&swaggerapi.Error{Message: err.Error()})
}
