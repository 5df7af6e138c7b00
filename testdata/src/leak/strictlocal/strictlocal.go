// Package strictlocal: the strict server generated into the package that
// implements it; the generated default handler is analysed from its code.
package strictlocal

import (
	"context"
	"database/sql"
	"net/http"
)

type Server struct {
	db *sql.DB
}

func (s *Server) GetTask(ctx context.Context, req GetTaskRequestObject) (GetTaskResponseObject, error) {
	var name string
	if err := s.db.QueryRowContext(ctx, "SELECT name FROM tasks WHERE id = $1", req.Id).Scan(&name); err != nil {
		return nil, err // want `dependency error err is returned to oapi-codegen's default ResponseErrorHandlerFunc, which sends its text to the client with status 500`
	}
	return GetTask200JSONResponse{Id: req.Id, Name: name}, nil
}

func Routes(s *Server) http.Handler {
	return Handler(NewStrictHandler(s, nil))
}
