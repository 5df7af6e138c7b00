// Package urldata reproduces a false positive seen on a real feed
// reader: an endpoint fetches the site the client asked about and answers
// with what it found, including the final URL of the fetch (after
// redirects). On the success path that URL is the endpoint's data, and
// it is the client's own: reporting it as a leaked outbound URL is wrong.
// An outbound URL leaks through error text, or when it is written after
// the upstream failed.
package urldata

import (
	"encoding/json"
	"net/http"
)

type discovery struct {
	URL   string `json:"url"`
	Title string `json:"title"`
}

type discoverRequest struct {
	URL string `json:"url"`
}

func discover(w http.ResponseWriter, r *http.Request) {
	var in discoverRequest
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, "invalid request", http.StatusBadRequest)
		return
	}
	resp, err := http.Get(in.URL)
	if err != nil {
		http.Error(w, "unable to fetch the site", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		http.Error(w, "the site did not answer", http.StatusBadGateway)
		return
	}
	found := []discovery{{URL: resp.Request.URL.String(), Title: "feed"}}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(found) // silent: the effective URL is data on the success path
}

// A helper that fetches and returns what it found keeps the same shape
// across a call.
func fetchFeedURL(site string) (string, error) {
	resp, err := http.Get(site)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Request.URL.String(), nil
}

type subscribed struct {
	FeedURL string `json:"feed_url"`
}

func subscribe(w http.ResponseWriter, r *http.Request) {
	feedURL, err := fetchFeedURL(r.URL.Query().Get("site"))
	if err != nil {
		http.Error(w, "unable to subscribe", http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(subscribed{FeedURL: feedURL}) // silent: data
}

// --- still reported ---

func failedFetch(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest(http.MethodGet, "http://billing.internal:8080/v1/status", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		http.Error(w, "billing unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		http.Error(w, "billing failed at "+req.URL.String(), http.StatusBadGateway) // want `outbound request URL`
	}
}
