// Package copyfunc reproduces a false positive seen on a real API
// gateway: a transparent reverse proxy forwards the status, the headers
// and the body of the backend's response, but copies the body through a
// function value (io.Copy, or a flushing copy for streamed responses).
// The copy is a dynamic call, so the body forwarding went unseen and the
// status was reported as passthrough. Forwarding a response as a whole is
// a proxy's contract: silent.
package copyfunc

import (
	"io"
	"net/http"
)

var backend http.RoundTripper = http.DefaultTransport

// flushingCopy returns a copy function that flushes after copying, for
// event streams.
func flushingCopy(w http.ResponseWriter) func(io.Writer, io.Reader) (int64, error) {
	return func(dst io.Writer, src io.Reader) (int64, error) {
		n, err := io.Copy(dst, src)
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		return n, err
	}
}

func proxy(w http.ResponseWriter, r *http.Request) {
	resp, err := backend.RoundTrip(r)
	if err != nil {
		http.Error(w, "bad gateway", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	for k, v := range resp.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(resp.StatusCode) // silent: status and body of the same response are forwarded

	copyBody := io.Copy
	if resp.Header.Get("Content-Type") == "text/event-stream" {
		copyBody = flushingCopy(w)
	}
	copyBody(w, resp.Body)
}

// A function value held in a struct field is the same shape.
type forwarder struct {
	copy func(io.Writer, io.Reader) (int64, error)
}

func (f *forwarder) serve(w http.ResponseWriter, r *http.Request) {
	resp, err := backend.RoundTrip(r)
	if err != nil {
		http.Error(w, "bad gateway", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode) // silent: a proxy
	f.copy(w, resp.Body)
}
