// Package moderrs: a module's error constructors carry the status
// (errs.InternalServerError(err.Error()) sets Code 500 in another
// package), and a helper writes the error with its Code: an error's text
// sent with a 5xx is internal, whatever its origin.
package moderrs

import (
	"encoding/json"
	"net/http"
	"strconv"

	"example.com/errs"
)

type Service interface {
	Do(id int) error
}

type Handler struct{ svc Service }

func writeError(w http.ResponseWriter, e *errs.AppError) {
	w.WriteHeader(e.Code)
	json.NewEncoder(w).Encode(e)
}

func (h *Handler) Get(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.URL.Query().Get("id"))
	if err != nil {
		writeError(w, errs.BadRequest(err.Error())) // the client's input, with 400
		return
	}
	if err := h.svc.Do(id); err != nil {
		writeError(w, errs.InternalServerError(err.Error())) // want `error text of err is sent with status 500`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) Put(w http.ResponseWriter, r *http.Request) {
	if err := h.svc.Do(1); err != nil {
		writeError(w, errs.InternalServerError("could not save")) // our own text
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func internal(msg string) *errs.AppError {
	return &errs.AppError{Code: http.StatusInternalServerError, Message: msg}
}

func (h *Handler) Local(w http.ResponseWriter, r *http.Request) {
	if err := h.svc.Do(2); err != nil {
		writeError(w, internal(err.Error())) // want `error text of err is sent with status 500`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
