// Package handlers holds the HTTP handlers of the orders service. Some of
// them are wrong on purpose: each comment says which defect it shows and
// which upstreamlint check is meant to catch it.
package handlers

import (
	"encoding/json"
	"io"
	"net/http"

	"example.com/upstreamlint-example/inventory"
)

// Handlers answers the orders API. It depends on the inventory service
// (through its client package) and on the payments service (called
// directly).
type Handlers struct {
	Inventory   *inventory.Client
	Client      *http.Client
	PaymentsURL string
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

// ItemAvailability shows PASSTHROUGH across packages (reported by the
// passthrough check through the fact exported for inventory.Client.Lookup):
// when the inventory answers 404 because its own database lost a table,
// our client is told that *its* order item does not exist.
func (h *Handlers) ItemAvailability(w http.ResponseWriter, r *http.Request) {
	code, _, err := h.Inventory.Lookup(r.Context(), r.PathValue("id"))
	if err != nil {
		http.Error(w, "inventory unavailable", http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code) // the inventory's status, not ours
	json.NewEncoder(w).Encode(map[string]bool{"available": code == http.StatusOK})
}

// CapturePayment shows PASSTHROUGH, direct (reported by the passthrough
// check): a 401 from payments (our credentials expired) reaches our client
// as "you are not authenticated".
func (h *Handlers) CapturePayment(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, h.PaymentsURL+"/captures/"+r.PathValue("id"), nil)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	resp, err := h.Client.Do(req)
	if err != nil {
		http.Error(w, "payments unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		http.Error(w, "payment capture failed", resp.StatusCode)
		return
	}
	writeJSON(w, map[string]string{"state": "captured"})
}

// RefundPayment shows a LEAK (the "leak" check): the transport error
// names our internal host, port and timeouts, and it is sent to the client
// verbatim.
func (h *Handlers) RefundPayment(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, h.PaymentsURL+"/refunds/"+r.PathValue("id"), nil)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	resp, err := h.Client.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway) // e.g. "Post \"http://payments.internal:8443/...\": dial tcp 10.0.3.7:8443: i/o timeout"
		return
	}
	resp.Body.Close()
	w.WriteHeader(http.StatusAccepted)
}

// CancelOrder shows a SOFT ERROR (the "softerror" check): the failure is
// answered with 200 OK and an error in the body, so retries, monitoring and
// caches all see a success.
func (h *Handlers) CancelOrder(w http.ResponseWriter, r *http.Request) {
	resp, err := h.Client.Post(h.PaymentsURL+"/holds/"+r.PathValue("id")+"/release", "application/json", nil)
	if err != nil {
		json.NewEncoder(w).Encode(map[string]string{"error": "could not release the payment hold"})
		return
	}
	resp.Body.Close()
	writeJSON(w, map[string]string{"state": "cancelled"})
}

// OrderItem is CORRECT: the inventory's status is a fact about our
// dependency, mapped to a status that is about the client's request.
func (h *Handlers) OrderItem(w http.ResponseWriter, r *http.Request) {
	code, _, err := h.Inventory.Lookup(r.Context(), r.PathValue("id"))
	if err != nil {
		http.Error(w, "inventory unavailable", http.StatusBadGateway)
		return
	}
	switch {
	case code == http.StatusOK:
		w.WriteHeader(http.StatusCreated)
		writeJSON(w, map[string]string{"state": "ordered"})
	case code == http.StatusNotFound:
		http.Error(w, "no such item", http.StatusNotFound) // a decision: the item id came from our client
	case code == http.StatusTooManyRequests || code >= 500:
		http.Error(w, "try again later", http.StatusServiceUnavailable)
	default:
		http.Error(w, "inventory failed", http.StatusBadGateway)
	}
}

// Catalog is CORRECT: a transparent proxy. It forwards the catalog's
// status together with its headers and body, so the status still describes
// what the client receives.
func (h *Handlers) Catalog(w http.ResponseWriter, r *http.Request) {
	resp, err := h.Client.Get(h.Inventory.BaseURL + "/catalog?" + r.URL.RawQuery)
	if err != nil {
		http.Error(w, "catalog unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	for k, vs := range resp.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}
