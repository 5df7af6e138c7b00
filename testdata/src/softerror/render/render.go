package render

import (
	"context"
	"net/http"
	"strconv"

	"github.com/go-chi/render"
)

var client = &http.Client{}

type ErrorResponse struct {
	Error   string `json:"error"`
	TraceID string `json:"trace_id"`
}

type Item struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func badImplicitJSON(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		render.JSON(w, r, render.M{"error": "inventory unavailable"}) // want `error-only body .*render.M is sent with status 200 \(no status written on this path\); write an error status first`
		return
	}
	resp.Body.Close()
	render.JSON(w, r, render.M{"items": []Item{}})
}

func badImplicitStruct(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		render.JSON(w, r, ErrorResponse{Error: "inventory unavailable"}) // want `error-only body ErrorResponse is sent with status 200`
	}
}

func badExplicit200(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		render.Status(r, http.StatusOK)
		render.JSON(w, r, map[string]string{"error": err.Error()}) // want `error-only body map\[string\]string is sent with explicit status 200; use an error status`
	}
}

func badPlainText(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil {
		render.PlainText(w, r, err.Error()) // want `error text is sent with status 200`
		return
	}
	render.JSON(w, r, render.M{"n": n})
}

// --- correct code ---

func goodStatusFirst(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		render.Status(r, http.StatusBadGateway)
		render.JSON(w, r, render.M{"error": "inventory unavailable"})
	}
}

func goodWriteHeaderFirst(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		w.WriteHeader(http.StatusBadGateway)
		render.PlainText(w, r, "failed to load items")
	}
}

func goodPartialSuccess(w http.ResponseWriter, r *http.Request) {
	out := render.M{"data": Item{ID: "1"}}
	if _, err := client.Get("http://profile.internal/me"); err != nil {
		out["outages"] = []string{"profile"}
	}
	render.JSON(w, r, out)
}

func goodStatusOK(w http.ResponseWriter, r *http.Request) {
	render.JSON(w, r, render.M{"status": "ok"})
}

// goodContextKey keeps the status under render's key itself, as
// render.Status does (sftpgo's sendAPIResponse): it is written.
func goodContextKey(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		ctx := context.WithValue(r.Context(), render.StatusCtxKey, http.StatusBadGateway)
		render.JSON(w, r.WithContext(ctx), render.M{"error": "inventory unavailable"})
	}
}

// sendError answers with the status its caller gives, kept under
// render's key.
func sendError(w http.ResponseWriter, r *http.Request, msg string, code int) {
	ctx := context.WithValue(r.Context(), render.StatusCtxKey, code)
	render.JSON(w, r.WithContext(ctx), ErrorResponse{Error: msg})
}

func goodContextKeyHelper(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		sendError(w, r, "inventory unavailable", http.StatusBadGateway)
	}
}

func badContextKey200(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		ctx := context.WithValue(r.Context(), render.StatusCtxKey, http.StatusOK)
		render.JSON(w, r.WithContext(ctx), render.M{"error": "inventory unavailable"}) // want `error-only body .*render.M is sent with explicit status 200; use an error status`
	}
}
