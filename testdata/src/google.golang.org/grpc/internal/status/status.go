// Package status is a minimal stub of google.golang.org/grpc/internal/status
// v1.85.0: the real google.golang.org/grpc/status.Status is an alias of
// this package's Status, so its methods are declared here.
package status

import (
	"google.golang.org/grpc/codes"
)

// Status represents an RPC status code, message, and details.
type Status struct {
	code codes.Code
	msg  string
}

// New returns a Status representing c and msg.
func New(c codes.Code, msg string) *Status { return &Status{code: c, msg: msg} }

// Newf returns New(c, fmt.Sprintf(format, a...)).
func Newf(c codes.Code, format string, a ...any) *Status { return &Status{code: c} }

// Err returns an error representing c and msg.  If c is OK, returns nil.
func Err(c codes.Code, msg string) error { return nil }

// Errorf returns Error(c, fmt.Sprintf(format, a...)).
func Errorf(c codes.Code, format string, a ...any) error { return nil }

// Code returns the status code contained in s.
func (s *Status) Code() codes.Code { return codes.OK }

// Message returns the message contained in s.
func (s *Status) Message() string { return "" }

// Err returns an immutable error representing s; returns nil if s.Code() is OK.
func (s *Status) Err() error { return nil }

// Details returns a slice of details messages attached to the status.
func (s *Status) Details() []any { return nil }

func (s *Status) String() string { return "" }

// Error wraps a pointer of a status proto. It implements error and Status,
// and a nil *Error should never be returned by this package.
type Error struct {
	s *Status
}

func (e *Error) Error() string { return "" }

// GRPCStatus returns the Status represented by se.
func (e *Error) GRPCStatus() *Status { return e.s }

// Is implements future error.Is functionality.
func (e *Error) Is(target error) bool { return false }
