// Command orders is a small service used to try upstreamlint on:
//
//	cd examples && upstreamlint ./...
//
// It builds and runs, but it does not need to: the checks read the code.
package main

import (
	"log"
	"net/http"
	"os"
	"time"

	"example.com/upstreamlint-example/handlers"
	"example.com/upstreamlint-example/inventory"
)

func main() {
	h := &handlers.Handlers{
		Inventory:   inventory.New(env("INVENTORY_URL", inventory.DefaultBaseURL)),
		Client:      &http.Client{Timeout: 5 * time.Second},
		PaymentsURL: env("PAYMENTS_URL", "http://payments.internal"),
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}/availability", h.ItemAvailability)
	mux.HandleFunc("POST /orders/{id}/items", h.OrderItem)
	mux.HandleFunc("POST /orders/{id}/capture", h.CapturePayment)
	mux.HandleFunc("POST /orders/{id}/refund", h.RefundPayment)
	mux.HandleFunc("POST /orders/{id}/cancel", h.CancelOrder)
	mux.HandleFunc("GET /catalog", h.Catalog)

	addr := env("ADDR", ":8080")
	log.Printf("orders listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
