// Package handler is the transport layer. It imports neither store nor
// payments: their implementations reach it through interfaces.
package handler

import (
	"context"
	"net/http"

	"example.com/layered/model"
)

type UserService interface {
	User(ctx context.Context, id string) (*model.User, error)
}

type Gateway interface {
	Charge(ctx context.Context) (int, error)
}

type Validator interface {
	Check(name string) error
}

// Audit has no implementation in the program.
type Audit interface {
	Record(ctx context.Context, what string) error
}

type Handler struct {
	Users    UserService
	Payments Gateway
	Names    Validator
	Audit    Audit
	// Lookup is set in main to a repository's method value.
	Lookup func(ctx context.Context, id string) (*model.User, error)
}

func (h *Handler) GetUser(w http.ResponseWriter, r *http.Request) {
	u, err := h.Users.User(r.Context(), r.URL.Query().Get("id"))
	if err != nil {
		// the database error, two interfaces down, sent with a 404
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	w.Write([]byte(u.Name))
}

func (h *Handler) Pay(w http.ResponseWriter, r *http.Request) {
	code, err := h.Payments.Charge(r.Context())
	if err != nil {
		http.Error(w, "payment failed", http.StatusBadGateway)
		return
	}
	w.WriteHeader(code)
}

func (h *Handler) Rename(w http.ResponseWriter, r *http.Request) {
	if err := h.Names.Check(r.FormValue("name")); err != nil {
		// every implementation returns our own validation errors
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) Record(w http.ResponseWriter, r *http.Request) {
	if err := h.Audit.Record(r.Context(), "visit"); err != nil {
		// unknown origin and a client-error status: silent
		http.Error(w, err.Error(), http.StatusConflict)
		return
	}
	if err := h.Audit.Record(r.Context(), "again"); err != nil {
		// unknown origin with a server error: the 5xx rule
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
}

func (h *Handler) Find(w http.ResponseWriter, r *http.Request) {
	u, err := h.Lookup(r.Context(), r.URL.Query().Get("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	w.Write([]byte(u.Name))
}
