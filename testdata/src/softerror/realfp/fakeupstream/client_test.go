package fakeupstream

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestSaveGraphQLError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		json.NewEncoder(w).Encode(map[string]any{ // silent: a fake of the third party, in a test
			"errors": []any{map[string]any{"message": "Invalid input"}},
		})
	}))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, HTTP: srv.Client()}
	if err := c.Save("https://example.com"); err == nil {
		t.Fatal("want an error")
	}
}

func TestSaveMalformedBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		w.Write([]byte("invalid json")) // silent: deliberately malformed data for the decoder
	}))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, HTTP: srv.Client()}
	if err := c.Save("https://example.com"); err == nil {
		t.Fatal("want an error")
	}
}

// A fake server built from a named handler in a test file is the same.
func fakeUnavailable(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]string{"error": "service unavailable"}) // silent: test fake
}

func TestSaveUnavailable(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(fakeUnavailable))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, HTTP: srv.Client()}
	_ = c.Save("https://example.com")
}
