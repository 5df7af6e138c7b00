// Package errcode: an error envelope whose status comes from the error's
// code, written by a helper of its own package (distribution/distribution,
// registry/api/errcode.ServeJSON).
package errcode

import (
	"encoding/json"
	"net/http"
)

type ErrorDescriptor struct {
	Value          string
	Message        string
	HTTPStatusCode int
}

type ErrorCode int

var descriptors = map[ErrorCode]ErrorDescriptor{}

func (ec ErrorCode) Descriptor() ErrorDescriptor { return descriptors[ec] }

func (ec ErrorCode) Error() string { return ec.Descriptor().Message }

func (ec ErrorCode) ErrorCode() ErrorCode { return ec }

type ErrorCoder interface {
	ErrorCode() ErrorCode
}

type Errors []error

func (errs Errors) Error() string { return "errors" }

var ErrorCodeUnauthorized = ErrorCode(1)

// ServeJSON writes the status of the error's code, 500 by default, then
// the envelope.
func ServeJSON(w http.ResponseWriter, err error) error {
	w.Header().Set("Content-Type", "application/json")
	var sc int

	switch errs := err.(type) {
	case Errors:
		if len(errs) < 1 {
			break
		}
		if err, ok := errs[0].(ErrorCoder); ok {
			sc = err.ErrorCode().Descriptor().HTTPStatusCode
		}
	case ErrorCoder:
		sc = errs.ErrorCode().Descriptor().HTTPStatusCode
		err = Errors{err}
	default:
		err = Errors{err}
	}

	if sc == 0 {
		sc = http.StatusInternalServerError
	}

	w.WriteHeader(sc)

	return json.NewEncoder(w).Encode(err)
}
