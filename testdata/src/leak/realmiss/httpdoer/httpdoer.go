// Package httpdoer: a miss seen on a held-out service (navidrome's
// ListenBrainz client): the HTTP client sits behind an interface so that
// tests can fake it (type httpDoer interface{ Do(*http.Request)
// (*http.Response, error) }). An interface method returning an
// *http.Response and an error is an HTTP client call: its error is a
// *url.Error with the upstream URL.
package httpdoer

import (
	"encoding/json"
	"fmt"
	"net/http"
)

type httpDoer interface {
	Do(req *http.Request) (*http.Response, error)
}

type client struct {
	hc      httpDoer
	baseURL string
}

type tokenInfo struct {
	Valid bool   `json:"valid"`
	User  string `json:"user_name"`
}

func (c *client) validateToken(token string) (*tokenInfo, error) {
	req, err := http.NewRequest(http.MethodGet, c.baseURL+"/validate-token", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Token "+token)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var info tokenInfo
	if err := json.NewDecoder(resp.Body).Decode(&info); err != nil {
		return nil, fmt.Errorf("decoding token info: %w", err)
	}
	return &info, nil
}

type router struct{ client *client }

func respondError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

func (s *router) badLink(w http.ResponseWriter, r *http.Request) {
	info, err := s.client.validateToken(r.Header.Get("X-Token"))
	if err != nil {
		respondError(w, http.StatusInternalServerError, err.Error()) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	_ = json.NewEncoder(w).Encode(info)
}

func (s *router) goodLink(w http.ResponseWriter, r *http.Request) {
	info, err := s.client.validateToken(r.Header.Get("X-Token"))
	if err != nil {
		respondError(w, http.StatusBadGateway, "could not validate the token")
		return
	}
	_ = json.NewEncoder(w).Encode(info)
}

// A fetcher that returns something else than a response is not an HTTP
// client by its shape: its errors are not judged.
type lookuper interface {
	Lookup(key string) (string, error)
}

func goodOtherInterface(l lookuper) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := l.Lookup(r.URL.Query().Get("k"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}
		fmt.Fprint(w, v)
	}
}
