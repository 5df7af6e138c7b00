// Package twirp: the methods of a type that implements a twirp (or
// kitex) service interface, the one its generated New…Server takes,
// answer RPC clients with the errors they return, as gRPC methods do,
// though the service is registered elsewhere (in main).
package twirp

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"example.com/twirpapi"
)

type server struct {
	db *sql.DB
}

var _ twirpapi.Haberdasher = (*server)(nil)

func (s *server) MakeHat(ctx context.Context, size *twirpapi.Size) (*twirpapi.Hat, error) {
	if size.Inches <= 0 {
		return nil, errors.New("inches must be positive")
	}
	var name string
	if err := s.db.QueryRowContext(ctx, "SELECT name FROM hats WHERE size = $1", size.Inches).Scan(&name); err != nil {
		return nil, fmt.Errorf("query hat: %v", err) // want `dependency error fmt.Errorf\("query hat: %v", err\) is returned to the gRPC client`
	}
	return &twirpapi.Hat{Name: name}, nil
}

// Lookup is not a method of the service.
func (s *server) Lookup(ctx context.Context, id int) (string, error) {
	var name string
	if err := s.db.QueryRowContext(ctx, "SELECT name FROM hats WHERE id = $1", id).Scan(&name); err != nil {
		return "", fmt.Errorf("lookup: %v", err)
	}
	return name, nil
}
