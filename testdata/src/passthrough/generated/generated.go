// Package generated: a generated server's typed response whose status
// field the generated code writes as the status (oapi-codegen's
// …defaultJSONResponse) forwards what the handler puts there.
package generated

import (
	"context"
	"io"
	"net/http"

	"example.com/strictapi"
	"example.com/strictapibuf"
	"example.com/swaggerapi"
	"github.com/go-openapi/runtime/middleware"
)

type TaskHandler struct {
	client *http.Client
}

func (h *TaskHandler) CreateTask(ctx context.Context, req strictapi.CreateTaskRequestObject) (strictapi.CreateTaskResponseObject, error) {
	resp, err := h.client.Get("http://tasks.internal/v1/tasks")
	if err != nil {
		return strictapi.CreateTask500JSONResponse{Error: "tasks unavailable"}, nil
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return strictapi.CreateTaskdefaultJSONResponse{StatusCode: resp.StatusCode, Body: strictapi.ErrorResponse{Error: "tasks failed"}}, nil // want `upstream status resp.StatusCode is forwarded to the client by the generated response strictapi.CreateTaskdefaultJSONResponse`
	}
	return strictapi.CreateTask201JSONResponse{Name: req.Body.Name}, nil
}

// A decision made with the status is ours.
func decided(resp *http.Response) strictapi.CreateTaskResponseObject {
	code := http.StatusBadGateway
	if resp.StatusCode == http.StatusNotFound {
		code = http.StatusNotFound
	}
	return strictapi.CreateTaskdefaultJSONResponse{StatusCode: code, Body: strictapi.ErrorResponse{Error: "tasks failed"}}
}

func decidedHandler(ctx context.Context, c *http.Client) strictapi.CreateTaskResponseObject {
	resp, err := c.Get("http://tasks.internal/v1/tasks")
	if err != nil {
		return strictapi.CreateTask500JSONResponse{Error: "tasks unavailable"}
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	_ = b
	return decided(resp)
}

// go-swagger's default response writes the status its constructor got.
func swaggerDefault(c *http.Client) middleware.Responder {
	resp, err := c.Get("http://tasks.internal/v1/tasks")
	if err != nil {
		return swaggerapi.NewGetTaskDefault(http.StatusBadGateway).WithPayload(&swaggerapi.Error{Message: "tasks unavailable"})
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return swaggerapi.NewGetTaskDefault(resp.StatusCode).WithPayload(&swaggerapi.Error{Message: "tasks failed"}) // want `upstream status resp.StatusCode is forwarded to the client by the generated response \*swaggerapi.GetTaskDefault`
	}
	return swaggerapi.NewGetTaskOK().WithPayload(&swaggerapi.Task{Name: "x"})
}

// oapi-codegen v2.8.2's default response, encoded into a buffer first,
// still writes the status of its StatusCode field.
func buffered(c *http.Client) strictapibuf.GetItemResponseObject {
	resp, err := c.Get("http://items.internal/v1/items/1")
	if err != nil {
		return strictapibuf.GetItem500JSONResponse{Message: "items unavailable"}
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return strictapibuf.GetItemdefaultJSONResponse{StatusCode: http.StatusNotFound, Body: strictapibuf.Error{Message: "no such item"}}
	}
	if resp.StatusCode != http.StatusOK {
		return strictapibuf.GetItemdefaultJSONResponse{StatusCode: resp.StatusCode, Body: strictapibuf.Error{Message: "items failed"}} // want `upstream status resp.StatusCode is forwarded to the client by the generated response strictapibuf.GetItemdefaultJSONResponse`
	}
	return strictapibuf.GetItem200JSONResponse{Id: "1"}
}
