package nethttp

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"example.com/inventory"
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

type Outage struct {
	Service string `json:"service"`
	Error   string `json:"error"`
}

type UserResponse struct {
	Data    *Item    `json:"data"`
	Outages []Outage `json:"outages"`
}

func badImplicitMap(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		json.NewEncoder(w).Encode(map[string]string{"error": "inventory unavailable"}) // want `error-only body map\[string\]string is sent with status 200 \(no status written on this path\); write an error status first`
		return
	}
	resp.Body.Close()
}

func badImplicitStruct(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		json.NewEncoder(w).Encode(ErrorResponse{Error: "inventory unavailable", TraceID: "t-1"}) // want `error-only body ErrorResponse is sent with status 200`
	}
}

func badExplicit200(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		w.WriteHeader(http.StatusOK)
		json.NewEncoder(w).Encode(&ErrorResponse{Error: err.Error()}) // want `error-only body ErrorResponse is sent with explicit status 200; use an error status`
	}
}

func badPlainText(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil {
		io.WriteString(w, err.Error()) // want `error text is sent with status 200`
		return
	}
	fmt.Fprintf(w, "%d", n)
}

func badPlainConstant(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("id") == "" {
		w.Write([]byte("could not find the item")) // want `error text "could not find the item" is sent with status 200`
	}
}

func badFprintf(w http.ResponseWriter, r *http.Request) {
	_, err := client.Get("http://inventory.internal/items")
	if err != nil {
		fmt.Fprintf(w, "failed to load items: %v", err) // want `error text "failed to load items: %v" is sent with status 200`
	}
}

func badEnvelope(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://auth.internal/login")
	if err != nil {
		return
	}
	if resp.StatusCode != http.StatusOK {
		json.NewEncoder(w).Encode(map[string]any{ // want `error-only body map\[string\]any is sent with status 200`
			"upstreamResponse": map[string]any{"statusCode": resp.StatusCode, "error": "Your credentials were invalid"},
		})
	}
}

func badOnlySomePaths(w http.ResponseWriter, r *http.Request) {
	_, err := client.Get("http://inventory.internal/items")
	if r.URL.Query().Get("strict") != "" {
		w.WriteHeader(http.StatusBadGateway)
	}
	if err != nil {
		json.NewEncoder(w).Encode(map[string]string{"error": "inventory unavailable", "code": "E42"}) // want `error-only body map\[string\]string is sent with status 200`
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func badViaHelper(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		writeJSON(w, map[string]string{"error": "inventory unavailable"}) // want `error-only body map\[string\]string is sent with status 200`
	}
}

// --- correct code ---

func goodStatusFirst(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		w.WriteHeader(http.StatusBadGateway)
		json.NewEncoder(w).Encode(map[string]string{"error": "inventory unavailable"})
	}
}

func goodStatusOnEveryPath(w http.ResponseWriter, r *http.Request) {
	_, err := client.Get("http://inventory.internal/items")
	if err != nil {
		if r.URL.Query().Get("v") == "2" {
			w.WriteHeader(http.StatusServiceUnavailable)
		} else {
			w.WriteHeader(http.StatusBadGateway)
		}
		json.NewEncoder(w).Encode(map[string]string{"error": "inventory unavailable"})
	}
}

func goodHTTPError(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		http.Error(w, "failed to load items", http.StatusBadGateway)
	}
}

func goodHelperWritesStatus(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		inventory.WriteStatus(w, http.StatusBadGateway, "failed to load items")
	}
}

func goodPartialSuccess(w http.ResponseWriter, r *http.Request) {
	out := UserResponse{Data: &Item{ID: "1"}}
	if _, err := client.Get("http://profile.internal/me"); err != nil {
		out.Outages = append(out.Outages, Outage{Service: "profile", Error: "timeout"})
	}
	json.NewEncoder(w).Encode(out)
}

func goodPartialMap(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]any{"data": []Item{}, "errors": []string{"profile: timeout"}})
}

func goodEmptyResults(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]any{"results": []Item{}, "total": 0})
}

func goodStatusOK(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]string{"status": "ok", "message": "created"})
}

func goodData(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(Item{ID: "1", Name: "error handling book"})
	io.WriteString(w, "done")
}

// A helper that does not see the request: its callers may have written the status.
func respondError(w http.ResponseWriter, msg string) {
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

func goodHelperAfterStatus(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusBadRequest)
	respondError(w, "missing id")
}
