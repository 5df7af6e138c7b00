package fix

import (
	"encoding/json"
	"net/http"
	"strconv"
)

var client = &http.Client{}

func badAfterUpstream(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		json.NewEncoder(w).Encode(map[string]string{"error": "inventory unavailable"}) // want `error-only body`
		return
	}
	resp.Body.Close()
}

func badOwnFailure(w http.ResponseWriter, r *http.Request) {
	if _, err := strconv.Atoi(r.URL.Query().Get("n")); err != nil {
		json.NewEncoder(w).Encode(map[string]string{"error": err.Error()}) // want `error-only body`
	}
}

func badExplicit(w http.ResponseWriter, r *http.Request) {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		w.WriteHeader(http.StatusOK)
		json.NewEncoder(w).Encode(map[string]string{"error": "inventory unavailable"}) // want `explicit status 200`
	}
}
