// Package auth checks the callers of the module's services; its checker
// builds the status the service methods return (tektoncd/results'
// RBAC.Check).
package auth

import (
	"context"
	"database/sql"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Checker is how the services see the checker.
type Checker interface {
	Check(ctx context.Context, token string) error
}

// RBAC checks a token's grants in the database.
type RBAC struct{ DB *sql.DB }

// New returns the checker the services use.
func New(db *sql.DB) Checker { return &RBAC{DB: db} }

// Check builds its status from the database's error: the finding is
// here, once, however many service methods return it.
func (r *RBAC) Check(ctx context.Context, token string) error {
	var n int
	if err := r.DB.QueryRowContext(ctx, "select count(*) from grants where token = $1", token).Scan(&n); err != nil {
		return status.Error(codes.Unauthenticated, "permission denied: "+err.Error()) // want `a dependency error's text is the message of this status, which \(\*auth.RBAC\).Check returns and service methods return to the gRPC client \(1 return\)`
	}
	if n == 0 {
		return status.Error(codes.PermissionDenied, "permission denied")
	}
	return nil
}
