package fix

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
)

var client = &http.Client{}

var greeting = fmt.Sprint("hello") // keeps fmt imported after the fixes

func badMessage(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://billing.internal/charge")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway) // want `dependency error err.Error\(\) is sent`
		return
	}
	resp.Body.Close()
}

func badFormatted(w http.ResponseWriter, r *http.Request) {
	code := http.StatusServiceUnavailable
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		log.Print(err)
		http.Error(w, fmt.Sprintf("billing: %v", err), code) // want `dependency error fmt.Sprintf\("billing: %v", err\) is sent`
	}
}

// No fix: the status is not part of the call.
func badNoStatus(w http.ResponseWriter, r *http.Request) {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		json.NewEncoder(w).Encode(map[string]string{"error": err.Error()}) // want `dependency error err.Error\(\) is sent`
	}
}

// No fix: err is used only in the message; replacing it would leave it unused.
func badOnlyUse(w http.ResponseWriter, r *http.Request) {
	_, err := client.Get("http://billing.internal/charge")
	http.Error(w, err.Error(), http.StatusBadGateway) // want `dependency error err.Error\(\) is sent`
}
