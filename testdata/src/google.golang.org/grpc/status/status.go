// Package status is a minimal stub of google.golang.org/grpc/status
// v1.85.0 for analysistest: Status is an alias of the internal package's
// type, as in the real package.
package status

import (
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/internal/status"
)

// Status references google.golang.org/grpc/internal/status.
type Status = status.Status

// New returns a Status representing c and msg.
func New(c codes.Code, msg string) *Status { return status.New(c, msg) }

// Newf returns New(c, fmt.Sprintf(format, a...)).
func Newf(c codes.Code, format string, a ...any) *Status { return status.New(c, format) }

// Error returns an error representing c and msg.  If c is OK, returns nil.
func Error(c codes.Code, msg string) error { return nil }

// Errorf returns Error(c, fmt.Sprintf(format, a...)).
func Errorf(c codes.Code, format string, a ...any) error { return nil }

// FromError returns a Status representation of err.
func FromError(err error) (s *Status, ok bool) { return nil, true }

// Convert is a convenience function which removes the need to handle the
// boolean return value from FromError.
func Convert(err error) *Status { return nil }

// Code returns the Code of the error if it is a Status error or if it wraps a
// Status error.
func Code(err error) codes.Code { return codes.OK }

// FromContextError converts a context error or wrapped context error into a
// Status.
func FromContextError(err error) *Status { return nil }
