// Package forwardproxy reproduces a false positive seen on a held-out
// repository of examples: a forward proxy sends the client's own request,
// unchanged, to the target the client chose, and answers a transport
// error with its text. The error is about the client's input (its target),
// not about our dependencies. A reverse proxy that rewrites the URL to an
// internal target, or hands the request to a director, still leaks.
package forwardproxy

import (
	"io"
	"net/http"
	"net/url"
)

func copyHeader(dst, src http.Header) {
	for k, vs := range src {
		for _, v := range vs {
			dst.Add(k, v)
		}
	}
}

func goodForwardProxy(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Forward") != "ok" || r.Context().Err() != nil {
		http.Error(w, "not a proxy request", http.StatusBadRequest)
		return
	}
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	defer resp.Body.Close()
	copyHeader(w.Header(), resp.Header)
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

var backend, _ = url.Parse("http://orders.internal:8080")

func badReverseProxyRewrites(w http.ResponseWriter, r *http.Request) {
	r.URL.Scheme = backend.Scheme
	r.URL.Host = backend.Host
	r.RequestURI = ""
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

func direct(r *http.Request) {
	r.URL.Host = backend.Host
}

func badReverseProxyDirector(w http.ResponseWriter, r *http.Request) {
	direct(r)
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func badOwnRequest(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://orders.internal/v1", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}
