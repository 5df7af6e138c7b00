// Package errs turns errors into the statuses the services of the
// module return (kubeapps' connecterror.FromK8sError, a gRPC toStatus):
// its helpers are called from service methods of other packages.
package errs

import (
	"errors"
	"fmt"

	"github.com/bufbuild/connect-go"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// ErrNotFound is our own sentinel.
var ErrNotFound = errors.New("not found")

// FromStoreError wraps any error into a Connect error with its text:
// Internal unless it is our own "not found". The fix belongs here, once.
func FromStoreError(verb, resource string, err error) error {
	if errors.Is(err, ErrNotFound) {
		return connect.NewError(connect.CodeNotFound, fmt.Errorf("no %s to %s", resource, verb))
	}
	return connect.NewError(connect.CodeInternal, fmt.Errorf("unable to %s the %s: %w", verb, resource, err)) // want `error text of err is sent with gRPC code Internal by FromStoreError, which service methods return \(3 calls\)`
}

// ToStatus is the same helper for gRPC.
func ToStatus(err error) error {
	return status.Error(codes.Internal, err.Error()) // want `error text of err is sent with gRPC code Internal by ToStatus, which service methods return \(1 call\)`
}

// Generic maps every error to a message of its own: silent, and its
// callers too.
func Generic(err error) error {
	return status.Error(codes.Internal, "internal error")
}

// Unused sends the text, but no service method returns it: silent.
func Unused(err error) error {
	return status.Error(codes.Internal, err.Error())
}
