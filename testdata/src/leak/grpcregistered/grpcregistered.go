// Package grpcregistered: a grpc-go service whose generated interface
// has no Unimplemented… type to embed, returned as that interface by its
// constructor and registered in another package (main). The interface
// that the generated RegisterCatalogServer(s grpc.ServiceRegistrar, srv
// CatalogServer) takes says which methods are the service's.
package grpcregistered

import (
	"context"
	"database/sql"

	"example.com/catalogpb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type catalogServer struct {
	db *sql.DB
}

func NewCatalogServer(db *sql.DB) catalogpb.CatalogServer {
	return &catalogServer{db: db}
}

func (s *catalogServer) GetBook(ctx context.Context, in *catalogpb.GetBookRequest) (*catalogpb.Book, error) {
	var title string
	if err := s.db.QueryRowContext(ctx, "SELECT title FROM books WHERE id = $1", in.GetId()).Scan(&title); err != nil {
		return nil, status.Error(codes.Internal, err.Error()) // want `dependency error status.Error\(codes.Internal, err.Error\(\)\) is returned to the gRPC client`
	}
	return &catalogpb.Book{Title: title}, nil
}

func (s *catalogServer) Watch(in *catalogpb.GetBookRequest, stream grpc.ServerStream) error {
	if _, err := s.db.ExecContext(stream.Context(), "SELECT 1"); err != nil {
		return status.Error(codes.Unavailable, "catalog unavailable")
	}
	return nil
}

// Lookup has a service method's shape, but no service interface has it:
// it is not the service's answer.
func (s *catalogServer) Lookup(ctx context.Context, in *catalogpb.GetBookRequest) (*catalogpb.Book, error) {
	var title string
	if err := s.db.QueryRowContext(ctx, "SELECT title FROM books WHERE id = $1", in.GetId()).Scan(&title); err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &catalogpb.Book{Title: title}, nil
}
