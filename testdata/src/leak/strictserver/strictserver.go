// Package strictserver: oapi-codegen's strict server for net/http hands
// the errors its implementation returns to the ResponseErrorHandlerFunc
// of its options; the generated default sends err.Error() with status
// 500 (MarioCarrion/todo-api-microservice-example and others return
// repository errors to it).
package strictserver

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"
	"net/http"

	"example.com/stricthttp"
)

// Server is served with the generated default handler.
type Server struct {
	db *sql.DB
}

func (s *Server) GetTask(ctx context.Context, req stricthttp.GetTaskRequestObject) (stricthttp.GetTaskResponseObject, error) {
	var name string
	err := s.db.QueryRowContext(ctx, "SELECT name FROM tasks WHERE id = $1", req.Id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return stricthttp.GetTask404JSONResponse{Message: "no such task"}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("get task: %w", err) // want `dependency error fmt.Errorf\("get task: %w", err\) is returned to oapi-codegen's default ResponseErrorHandlerFunc, which sends its text to the client with status 500`
	}
	if name == "" {
		return nil, errors.New("task without a name") // our own text: not a dependency's
	}
	return stricthttp.GetTask200JSONResponse{Id: req.Id, Name: name}, nil
}

func Handler(s *Server) http.Handler {
	return stricthttp.Handler(stricthttp.NewStrictHandler(s, nil))
}

// Quiet installs a handler of its own that sends a generic message.
type Quiet struct {
	db *sql.DB
}

func (q *Quiet) GetTask(ctx context.Context, req stricthttp.GetTaskRequestObject) (stricthttp.GetTaskResponseObject, error) {
	var name string
	if err := q.db.QueryRowContext(ctx, "SELECT name FROM tasks WHERE id = $1", req.Id).Scan(&name); err != nil {
		return nil, err // the handler below logs it and sends a generic 500
	}
	return stricthttp.GetTask200JSONResponse{Id: req.Id, Name: name}, nil
}

func QuietHandler(q *Quiet) http.Handler {
	return stricthttp.Handler(stricthttp.NewStrictHandlerWithOptions(q, nil, stricthttp.StrictHTTPServerOptions{
		ResponseErrorHandlerFunc: func(w http.ResponseWriter, r *http.Request, err error) {
			log.Printf("%s: %v", r.URL.Path, err)
			http.Error(w, "internal error", http.StatusInternalServerError)
		},
	}))
}

// Loud sets only the request errors' handler: the generated default
// answers the response errors.
type Loud struct {
	db *sql.DB
}

func (l *Loud) GetTask(ctx context.Context, req stricthttp.GetTaskRequestObject) (stricthttp.GetTaskResponseObject, error) {
	var name string
	if err := l.db.QueryRowContext(ctx, "SELECT name FROM tasks WHERE id = $1", req.Id).Scan(&name); err != nil {
		return nil, err // want `dependency error err is returned to oapi-codegen's default ResponseErrorHandlerFunc`
	}
	return stricthttp.GetTask200JSONResponse{Id: req.Id, Name: name}, nil
}

func LoudHandler(l *Loud) http.Handler {
	return stricthttp.Handler(stricthttp.NewStrictHandlerWithOptions(l, nil, stricthttp.StrictHTTPServerOptions{
		RequestErrorHandlerFunc: func(w http.ResponseWriter, r *http.Request, err error) {
			http.Error(w, "bad request", http.StatusBadRequest)
		},
	}))
}

// Opaque is served with options built elsewhere: their handler is not
// known, and nothing is reported.
type Opaque struct {
	db *sql.DB
}

func (o *Opaque) GetTask(ctx context.Context, req stricthttp.GetTaskRequestObject) (stricthttp.GetTaskResponseObject, error) {
	var name string
	if err := o.db.QueryRowContext(ctx, "SELECT name FROM tasks WHERE id = $1", req.Id).Scan(&name); err != nil {
		return nil, err
	}
	return stricthttp.GetTask200JSONResponse{Id: req.Id, Name: name}, nil
}

func OpaqueHandler(o *Opaque, opts stricthttp.StrictHTTPServerOptions) http.Handler {
	return stricthttp.Handler(stricthttp.NewStrictHandlerWithOptions(o, nil, opts))
}

// Unserved has the method's shape but no strict server is built of it.
type Unserved struct {
	db *sql.DB
}

func (u *Unserved) GetTask(ctx context.Context, req stricthttp.GetTaskRequestObject) (stricthttp.GetTaskResponseObject, error) {
	var name string
	if err := u.db.QueryRowContext(ctx, "SELECT name FROM tasks WHERE id = $1", req.Id).Scan(&name); err != nil {
		return nil, err
	}
	return stricthttp.GetTask200JSONResponse{Id: req.Id, Name: name}, nil
}
