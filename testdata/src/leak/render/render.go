package render

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"

	"github.com/go-chi/render"
)

var client = &http.Client{}

var ErrSoldOut = errors.New("item sold out")

func badJSON(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://billing.internal:8080/v1/charge?token=s3cr3t")
	if err != nil {
		render.Status(r, http.StatusBadGateway)
		render.JSON(w, r, map[string]string{"error": err.Error()}) // want `dependency error err.Error\(\) is sent to the client; log it and send a generic message`
		return
	}
	resp.Body.Close()
	render.NoContent(w, r)
}

func badPlainText(w http.ResponseWriter, r *http.Request) {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		render.Status(r, http.StatusBadGateway)
		render.PlainText(w, r, "users: "+err.Error()) // want `dependency error "users: " \+ err.Error\(\) is sent`
	}
}

type errResponse struct {
	Err     error  `json:"-"`
	Message string `json:"message"`
}

func (e *errResponse) Render(w http.ResponseWriter, r *http.Request) error {
	render.Status(r, http.StatusBadGateway)
	return nil
}

func badRender(w http.ResponseWriter, r *http.Request) {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		render.Render(w, r, &errResponse{Err: err, Message: fmt.Sprintf("users: %v", err)}) // want `dependency error fmt.Sprintf\("users: %v", err\) is sent`
	}
}

func badUpstreamErrorBody(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 400 {
		render.Status(r, http.StatusBadGateway)
		render.PlainText(w, r, string(body)) // want `upstream error body string\(body\) is sent to the client; answer with a message of this service`
	}
}

// --- correct code ---

func goodLogged(w http.ResponseWriter, r *http.Request) {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		log.Printf("billing: %v", err)
		render.Status(r, http.StatusBadGateway)
		render.JSON(w, r, render.M{"error": "billing unavailable"})
	}
}

// errResponse is go-chi/render's documented error payload: Err is kept
// for logging and is not serialised (json:"-").
func goodRenderInternalErr(w http.ResponseWriter, r *http.Request) {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		render.Render(w, r, &errResponse{Err: err, Message: "users unavailable"})
	}
}

func goodDecodeError(w http.ResponseWriter, r *http.Request) {
	var req struct {
		ItemID string `json:"item_id"`
	}
	if err := render.DecodeJSON(r.Body, &req); err != nil {
		render.Status(r, http.StatusBadRequest)
		render.PlainText(w, r, err.Error())
		return
	}
	render.JSON(w, r, render.M{"item_id": req.ItemID})
}

func goodSentinel(w http.ResponseWriter, r *http.Request) {
	err := reserve(r.PathValue("id"))
	if errors.Is(err, ErrSoldOut) {
		render.Status(r, http.StatusConflict)
		render.PlainText(w, r, err.Error())
	}
}

func reserve(id string) error {
	resp, err := client.Get("http://inventory.internal/reserve/" + id)
	if err != nil {
		return fmt.Errorf("inventory: %w", err)
	}
	resp.Body.Close()
	return nil
}

func goodSuccessBody(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://catalog.internal/items")
	if err != nil {
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == http.StatusOK {
		render.Data(w, r, body)
	}
}
