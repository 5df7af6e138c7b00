package fixpublic

import (
	"encoding/json"
	"fmt"
	"net/http"
)

func badMessage(w http.ResponseWriter, r *http.Request) {
	_, err := http.Get("http://billing.internal/charge")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway) // want `dependency error err.Error\(\) is sent`
	}
}

func badPayload(w http.ResponseWriter, r *http.Request) {
	_, err := http.Get("http://billing.internal/charge")
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		json.NewEncoder(w).Encode(map[string]string{"error": err.Error()}) // want `dependency error err.Error\(\) is sent`
	}
}

func badFprintf(w http.ResponseWriter, r *http.Request) {
	_, err := http.Get("http://billing.internal/charge")
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprintf(w, "failed: %s", err) // want `dependency error err is sent`
	}
}
