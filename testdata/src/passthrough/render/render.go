package render

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

func badStatus(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		render.Status(r, http.StatusBadGateway)
		render.JSON(w, r, render.M{"error": "inventory unavailable"})
		return
	}
	defer resp.Body.Close()
	render.Status(r, resp.StatusCode) // want `upstream status resp.StatusCode is forwarded to the client; map it to a status of this service`
	render.JSON(w, r, render.M{"reserved": true})
}

func badStatusOnFailure(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		return
	}
	if resp.StatusCode >= 400 {
		render.Status(r, resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
		render.PlainText(w, r, "inventory failed")
		return
	}
	render.NoContent(w, r)
}

// --- correct code ---

func mapStatus(code int) int {
	if code >= 200 && code < 300 {
		return http.StatusOK
	}
	return http.StatusBadGateway
}

func goodMapped(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		return
	}
	render.Status(r, mapStatus(resp.StatusCode))
	render.JSON(w, r, render.M{"reserved": true})
}

func goodDecision(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		return
	}
	if resp.StatusCode == http.StatusNotFound {
		render.Status(r, http.StatusBadRequest)
		render.JSON(w, r, render.M{"error": "unknown item"})
		return
	}
	log.Printf("inventory answered %d", resp.StatusCode)
	render.JSON(w, r, render.M{"upstream_status": resp.StatusCode})
}

func goodProxyData(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	render.Status(r, resp.StatusCode)
	render.Data(w, r, body)
}
