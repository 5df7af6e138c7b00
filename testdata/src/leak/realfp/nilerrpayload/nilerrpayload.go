// Package nilerrpayload is the shape of realfp/nilerr that the fix for it
// still reports (seen on a real fiber recipe, at b387336): after
// `if err != nil { …; return }`, the failing-status branch puts the same
// err, which is nil there, into a payload (a map or struct literal)
// instead of passing it directly. No dependency text can reach the
// client: err.Error() panics, %v prints "<nil>".
package nilerrpayload

import (
	"encoding/json"
	"fmt"
	"net/http"
)

var client = &http.Client{}

type errorBody struct {
	Success bool   `json:"success"`
	Error   string `json:"error"`
}

func product(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://catalog.internal/products/1")
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		json.NewEncoder(w).Encode(map[string]any{"success": false, "error": "catalog unavailable"})
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		w.WriteHeader(http.StatusBadGateway)
		json.NewEncoder(w).Encode(map[string]any{"success": false, "error": err.Error()}) // silent: err is nil here
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func productStruct(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://catalog.internal/products/1")
	if err != nil {
		http.Error(w, "catalog unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		w.WriteHeader(http.StatusBadGateway)
		json.NewEncoder(w).Encode(errorBody{Error: fmt.Sprint(err)}) // silent: err is nil here
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// The payload is a pointer to a map literal (&fiber.Map{…} in the corpus).
func productPtrMap(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://catalog.internal/products/1")
	if err != nil {
		http.Error(w, "catalog unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		w.WriteHeader(http.StatusBadGateway)
		json.NewEncoder(w).Encode(&map[string]any{"success": false, "error": err.Error()}) // silent: err is nil here
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// --- still reported ---

func productLeak(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://catalog.internal/products/1")
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		json.NewEncoder(w).Encode(map[string]any{"success": false, "error": err.Error()}) // want `dependency error`
		return
	}
	resp.Body.Close()
	w.WriteHeader(http.StatusNoContent)
}

func productLeakPtrMap(w http.ResponseWriter, r *http.Request) {
	_, err := client.Get("http://catalog.internal/products/1")
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		json.NewEncoder(w).Encode(&map[string]any{"success": false, "error": err.Error()}) // want `dependency error`
	}
}
