// Package catalog implements the operations of the go-swagger server in
// ../restapi: handlers return the generated responders, whose
// WriteResponse writes the status their type names (or, for the default
// response, the status its constructor got) and hands the payload to the
// negotiated producer.
package catalog

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"

	"github.com/go-openapi/runtime/middleware"
	"github.com/go-openapi/swag/conv"

	"example.com/e2eframeworks/genapp/swagger/models"
	"example.com/e2eframeworks/genapp/swagger/restapi/operations"
)

// Store saves items; no implementation is known here, so what its
// errors say is unknown.
type Store interface {
	Save(ctx context.Context, item *models.Item) error
}

type Server struct {
	DB     *sql.DB
	Store  Store
	Client *http.Client
}

// Register sets the handlers on the generated API.
func (s *Server) Register(api *operations.CatalogAPI) {
	api.CreateItemHandler = operations.CreateItemHandlerFunc(s.CreateItem)
	api.GetItemHandler = operations.GetItemHandlerFunc(s.GetItem)
	api.GetPriceHandler = operations.GetPriceHandlerFunc(s.GetPrice)
}

func (s *Server) CreateItem(params operations.CreateItemParams) middleware.Responder {
	if err := s.Store.Save(params.HTTPRequest.Context(), params.Body); err != nil {
		// bad: an error's text with a 500 (whatever its origin)
		return operations.NewCreateItemInternalServerError().WithPayload(&models.Error{Message: conv.Pointer(err.Error())})
	}
	return operations.NewCreateItemCreated().WithPayload(params.Body)
}

func (s *Server) GetItem(params operations.GetItemParams) middleware.Responder {
	id, err := strconv.Atoi(params.ID)
	if err != nil {
		// good: the client's own input, with a 400
		return operations.NewGetItemBadRequest().WithPayload(&models.Error{Message: conv.Pointer(err.Error())})
	}
	var name string
	if err := s.DB.QueryRowContext(params.HTTPRequest.Context(), "SELECT name FROM items WHERE id = $1", id).Scan(&name); err != nil {
		// bad: the database's error text
		msg := err.Error()
		return operations.NewGetItemInternalServerError().WithPayload(&models.Error{Message: &msg})
	}
	return operations.NewGetItemOK().WithPayload(&models.Item{ID: &params.ID, Name: &name})
}

func (s *Server) GetPrice(params operations.GetPriceParams) middleware.Responder {
	ctx := params.HTTPRequest.Context()
	rq, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://pricing.internal/v1/prices/"+url.PathEscape(params.ID), nil)
	if err != nil {
		// good: a message of ours with the 500
		return operations.NewGetPriceInternalServerError().WithPayload(&models.Error{Message: conv.Pointer("internal error")})
	}
	resp, err := s.Client.Do(rq)
	if err != nil {
		return operations.NewGetPriceInternalServerError().WithPayload(&models.Error{Message: conv.Pointer("pricing unavailable")})
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		// good: a status decided here
		return operations.NewGetPriceDefault(http.StatusNotFound).WithPayload(&models.Error{Message: conv.Pointer("no price for this item")})
	}
	if resp.StatusCode != http.StatusOK {
		// bad: the pricing service's status as ours
		return operations.NewGetPriceDefault(resp.StatusCode).WithPayload(&models.Error{Message: conv.Pointer("pricing failed")})
	}
	var p models.Price
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		return operations.NewGetPriceInternalServerError().WithPayload(&models.Error{Message: conv.Pointer("pricing answered garbage")})
	}
	return operations.NewGetPriceOK().WithPayload(&p)
}
