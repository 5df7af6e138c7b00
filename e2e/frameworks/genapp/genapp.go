// Package genapp implements the strict server that the real oapi-codegen
// generated in api/ (api.gen.go, from api/openapi.yaml): handlers answer
// by returning typed responses, which the generated code writes with the
// status their type names (or, for the default response, the status in
// its StatusCode field).
package genapp

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"

	"example.com/e2eframeworks/genapp/api"
)

// Store saves items; no implementation is known here, so what its
// errors say is unknown.
type Store interface {
	Save(ctx context.Context, item api.Item) error
}

type Server struct {
	DB     *sql.DB
	Store  Store
	Client *http.Client
}

var _ api.StrictServerInterface = (*Server)(nil)

// Handler serves the generated routes on net/http's ServeMux.
func Handler(s *Server) http.Handler {
	return api.Handler(api.NewStrictHandler(s, nil))
}

func (s *Server) CreateItem(ctx context.Context, req api.CreateItemRequestObject) (api.CreateItemResponseObject, error) {
	if err := s.Store.Save(ctx, *req.Body); err != nil {
		// bad: an error's text with a 500 (whatever its origin)
		return api.CreateItem500JSONResponse{Message: err.Error()}, nil
	}
	return api.CreateItem201JSONResponse(*req.Body), nil
}

func (s *Server) GetItem(ctx context.Context, req api.GetItemRequestObject) (api.GetItemResponseObject, error) {
	id, err := strconv.Atoi(req.Id)
	if err != nil {
		// good: the client's own input, with a 400
		return api.GetItem400JSONResponse{Message: err.Error()}, nil
	}
	var name string
	if err := s.DB.QueryRowContext(ctx, "SELECT name FROM items WHERE id = $1", id).Scan(&name); err != nil {
		// bad: the database's error text
		return api.GetItem500JSONResponse{Message: err.Error()}, nil
	}
	return api.GetItem200JSONResponse{Id: req.Id, Name: name}, nil
}

func (s *Server) DeleteItem(ctx context.Context, req api.DeleteItemRequestObject) (api.DeleteItemResponseObject, error) {
	res, err := s.DB.ExecContext(ctx, "DELETE FROM items WHERE id = $1", req.Id)
	if err != nil {
		// bad: returned to the generated strict handler, whose default
		// ResponseErrorHandlerFunc (set by NewStrictHandler) sends
		// err.Error() with status 500
		return nil, err
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return api.DeleteItem404JSONResponse{Message: "no such item"}, nil
	}
	return api.DeleteItem204Response{}, nil
}

func (s *Server) GetPrice(ctx context.Context, req api.GetPriceRequestObject) (api.GetPriceResponseObject, error) {
	rq, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://pricing.internal/v1/prices/"+url.PathEscape(req.Id), nil)
	if err != nil {
		// good: a message of ours with the 500
		return api.GetPrice500JSONResponse{Message: "internal error"}, nil
	}
	resp, err := s.Client.Do(rq)
	if err != nil {
		return api.GetPrice500JSONResponse{Message: "pricing unavailable"}, nil
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		// good: a status decided here
		return api.GetPricedefaultJSONResponse{StatusCode: http.StatusNotFound, Body: api.Error{Message: "no price for this item"}}, nil
	}
	if resp.StatusCode != http.StatusOK {
		// bad: the pricing service's status as ours
		return api.GetPricedefaultJSONResponse{StatusCode: resp.StatusCode, Body: api.Error{Message: "pricing failed"}}, nil
	}
	var p api.Price
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		return api.GetPrice500JSONResponse{Message: "pricing answered garbage"}, nil
	}
	return api.GetPrice200JSONResponse(p), nil
}
