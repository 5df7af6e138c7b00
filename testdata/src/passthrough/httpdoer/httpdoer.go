// Package httpdoer: the status of a response returned through an HTTP
// client interface (the doer seam services use to fake the client in
// tests) is an upstream status like that of (*http.Client).Do.
package httpdoer

import (
	"io"
	"net/http"
)

type Doer interface {
	Do(req *http.Request) (*http.Response, error)
}

type handler struct{ http Doer }

func (h *handler) badForward(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://stock.internal/v1/items", nil)
	resp, err := h.http.Do(req)
	if err != nil {
		http.Error(w, "stock unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded to the client`
	w.Write([]byte(`{"ok":true}`))
}

// goodProxy forwards the status and the body of the same response: a proxy.
func (h *handler) goodProxy(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://stock.internal/v1/items", nil)
	resp, err := h.http.Do(req)
	if err != nil {
		http.Error(w, "stock unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

func (h *handler) goodDecision(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://stock.internal/v1/items", nil)
	resp, err := h.http.Do(req)
	if err != nil || resp.StatusCode >= 300 {
		http.Error(w, "stock unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(http.StatusNoContent)
}
