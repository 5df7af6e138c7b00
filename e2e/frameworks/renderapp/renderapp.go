// Package renderapp is a net/http service answering with go-chi/render,
// with the defects upstreamlint reports and the correct code it must
// leave alone.
package renderapp

import (
	"io"
	"log"
	"net/http"

	"github.com/go-chi/render"
)

var client = &http.Client{}

func fetch(r *http.Request) (*http.Response, error) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://inventory.internal/items/"+r.PathValue("id"), nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

// Routes registers the handlers.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /forward/{id}", forward)
	mux.HandleFunc("GET /leak/{id}", leakError)
	mux.HandleFunc("GET /soft/{id}", soft)
	mux.HandleFunc("GET /mapped/{id}", mapped)
	mux.HandleFunc("GET /proxy/{id}", proxy)
	mux.HandleFunc("GET /render/{id}", renderError)
}

func forward(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		render.Status(r, http.StatusBadGateway)
		render.JSON(w, r, render.M{"error": "inventory unavailable"})
		return
	}
	defer resp.Body.Close()
	render.Status(r, resp.StatusCode)
	render.JSON(w, r, render.M{"reserved": true})
}

func leakError(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		render.Status(r, http.StatusBadGateway)
		render.JSON(w, r, render.M{"error": err.Error()})
		return
	}
	resp.Body.Close()
	render.NoContent(w, r)
}

func soft(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		render.JSON(w, r, render.M{"error": "inventory unavailable"})
		return
	}
	resp.Body.Close()
	render.NoContent(w, r)
}

// --- correct code ---

func mapped(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		log.Printf("inventory: %v", err)
		render.Status(r, http.StatusBadGateway)
		render.PlainText(w, r, "inventory unavailable")
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		render.Status(r, http.StatusBadGateway)
	}
	render.JSON(w, r, render.M{"upstream_status": resp.StatusCode})
}

func proxy(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	render.Status(r, resp.StatusCode)
	render.Data(w, r, body)
}

// errResponse is go-chi/render's documented error payload: Err is kept
// for logging and is not serialised.
type errResponse struct {
	Err     error  `json:"-"`
	Message string `json:"message"`
}

func (e *errResponse) Render(w http.ResponseWriter, r *http.Request) error {
	render.Status(r, http.StatusBadGateway)
	return nil
}

func renderError(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		_ = render.Render(w, r, &errResponse{Err: err, Message: "inventory unavailable"})
		return
	}
	resp.Body.Close()
	render.NoContent(w, r)
}
