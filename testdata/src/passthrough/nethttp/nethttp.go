package nethttp

import (
	"encoding/json"
	"io"
	"log"
	"net/http"
	"strconv"
)

var client = &http.Client{}

func fetch(r *http.Request) (*http.Response, error) {
	return client.Get("http://inventory.internal/items/" + r.URL.Query().Get("id"))
}

func badForward(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		http.Error(w, "upstream unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded to the client; map it to a status of this service`
	json.NewEncoder(w).Encode(map[string]string{"result": "done"})
}

func badOnlyOnFailure(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(r.Context(), "GET", "http://billing.internal/charge", nil)
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	if resp.StatusCode != http.StatusOK {
		w.WriteHeader(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
		return
	}
	w.Write([]byte("ok"))
}

func badHTTPError(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://users.internal/me")
	if err != nil {
		return
	}
	http.Error(w, "lookup failed", resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
}

func badRedirect(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Head("http://cdn.internal/asset")
	if err != nil {
		return
	}
	http.Redirect(w, r, "/fallback", resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
}

func badMerge(w http.ResponseWriter, r *http.Request) {
	status := http.StatusOK
	resp, err := fetch(r)
	if err == nil && resp.StatusCode >= 400 {
		status = resp.StatusCode
	}
	w.WriteHeader(status) // want `upstream status status is forwarded`
}

type result struct {
	code int
	msg  string
}

func badStructField(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		return
	}
	res := result{code: resp.StatusCode, msg: "x"}
	w.WriteHeader(res.code) // want `upstream status res.code is forwarded`
}

func goodOtherStructField(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		return
	}
	res := result{code: http.StatusAccepted, msg: resp.Status}
	w.WriteHeader(res.code)
}

func lookup(r *http.Request) (code int, body []byte, err error) {
	resp, err := fetch(r)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, b, nil
}

func badTupleHelper(w http.ResponseWriter, r *http.Request) {
	code, _, err := lookup(r)
	if err != nil {
		return
	}
	w.WriteHeader(code) // want `upstream status code is forwarded`
	w.Write([]byte(`{"ok":true}`))
}

func goodTupleProxy(w http.ResponseWriter, r *http.Request) {
	code, body, err := lookup(r)
	if err != nil {
		return
	}
	w.WriteHeader(code)
	w.Write(body)
}

func statusOf(r *http.Response) int { return r.StatusCode }

func badStatusOf(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		return
	}
	w.WriteHeader(statusOf(resp)) // want `upstream status statusOf\(resp\) is forwarded`
}

func retry(f func() error) error { return f() }

func badClosure(w http.ResponseWriter, r *http.Request) {
	var code int
	_ = retry(func() error {
		resp, err := fetch(r)
		if err != nil {
			return err
		}
		code = resp.StatusCode
		return nil
	})
	w.WriteHeader(code) // want `upstream status code is forwarded`
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

func badViaWriteJSON(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": "unavailable"})
		return
	}
	writeJSON(w, resp.StatusCode, map[string]string{"state": "done"}) // want `upstream status resp.StatusCode is forwarded to the client by writeJSON`
}

func badConversion(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		return
	}
	w.WriteHeader(int(int32(resp.StatusCode))) // want `upstream status int\(int32\(resp.StatusCode\)\) is forwarded`
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func badWrapper(w http.ResponseWriter, r *http.Request) {
	rec := &statusRecorder{ResponseWriter: w}
	resp, err := fetch(r)
	if err != nil {
		return
	}
	rec.WriteHeader(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
}

func badRoundTrip(w http.ResponseWriter, r *http.Request) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		return
	}
	w.WriteHeader(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
}

// --- correct code: explicit decisions, reading, proxies, no sink ---

func mapStatus(code int) int {
	switch {
	case code >= 200 && code < 300:
		return http.StatusOK
	case code == http.StatusNotFound:
		return http.StatusBadRequest
	default:
		return http.StatusBadGateway
	}
}

func goodMapped(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		return
	}
	w.WriteHeader(mapStatus(resp.StatusCode))
}

func goodDecision(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		return
	}
	if resp.StatusCode == http.StatusNotFound {
		http.Error(w, "unknown id", http.StatusBadRequest)
		return
	}
	switch {
	case resp.StatusCode >= 500:
		w.WriteHeader(http.StatusBadGateway)
	default:
		w.WriteHeader(http.StatusOK)
	}
}

func goodConstantChosenAfterTest(w http.ResponseWriter, r *http.Request) {
	code := http.StatusBadGateway
	resp, err := fetch(r)
	if err == nil && resp.StatusCode == http.StatusServiceUnavailable {
		code = http.StatusServiceUnavailable
	}
	w.WriteHeader(code)
}

func goodLogAndMetrics(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		return
	}
	log.Printf("inventory answered %d (%s)", resp.StatusCode, resp.Status)
	ok := resp.StatusCode < 300
	w.Header().Set("X-Upstream", strconv.Itoa(resp.StatusCode))
	if !ok {
		w.WriteHeader(http.StatusBadGateway)
	}
}

func goodProxy(w http.ResponseWriter, r *http.Request) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		http.Error(w, "bad gateway", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	for k, vs := range resp.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

func forward(w http.ResponseWriter, resp *http.Response) {
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

func goodProxyHelper(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		return
	}
	forward(w, resp)
}

func goodProxyReadAll(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		return
	}
	body, _ := io.ReadAll(resp.Body)
	w.WriteHeader(resp.StatusCode)
	w.Write(body)
}

func badEnvelopeNotProxy(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		return
	}
	body, _ := io.ReadAll(resp.Body)
	w.WriteHeader(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
	json.NewEncoder(w).Encode(map[string]string{"upstream": string(body)})
}

// A client library: it reads statuses but answers nobody.
func GetItem(id string) (int, error) {
	resp, err := client.Get("http://inventory.internal/items/" + id)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func goodOwnStatus(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	w.WriteHeader(200 + n%2)
}

type flusher interface {
	Write([]byte) (int, error)
	Flush()
}

// copyBody copies like httputil.ReverseProxy: a read loop into a
// writer interface the tables do not know.
func copyBody(dst flusher, src io.Reader) error {
	buf := make([]byte, 32*1024)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			dst.Write(buf[:n])
			dst.Flush()
		}
		if err != nil {
			return nil
		}
	}
}

type flushWriter struct{ http.ResponseWriter }

func (f flushWriter) Flush() {}

func goodProxyCopyLoop(w http.ResponseWriter, r *http.Request) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		return
	}
	w.WriteHeader(resp.StatusCode)
	copyBody(flushWriter{w}, resp.Body)
}

func goodProxyHandsBodyToHelper(w http.ResponseWriter, r *http.Request) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		return
	}
	w.WriteHeader(resp.StatusCode)
	stream(w, resp.Body)
}

func stream(w http.ResponseWriter, body io.Reader) {
	buf := make([]byte, 512)
	for {
		n, err := body.Read(buf)
		w.Write(buf[:n])
		if err != nil {
			return
		}
	}
}

// Narrowed to constants: where the status is known to equal 404 or 410,
// writing it is a decision, as if the constant were written.
func goodNarrowedBySwitch(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		return
	}
	switch resp.StatusCode {
	case http.StatusNotFound, http.StatusGone:
		w.WriteHeader(resp.StatusCode)
	default:
		w.WriteHeader(http.StatusBadGateway)
	}
}

// A mapper that returns its argument only where it equals a constant.
func mapKnown(code int) int {
	switch code {
	case http.StatusOK, http.StatusCreated:
		return code
	}
	return http.StatusBadGateway
}

func goodNarrowingMapper(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		return
	}
	w.WriteHeader(mapKnown(resp.StatusCode))
}

// Narrowed by a range test is not narrowed to constants: 4xx pass through.
func mapServerErrors(code int) int {
	if code >= 500 {
		return http.StatusBadGateway
	}
	return code
}

func badRangeMapper(w http.ResponseWriter, r *http.Request) {
	resp, err := fetch(r)
	if err != nil {
		return
	}
	w.WriteHeader(mapServerErrors(resp.StatusCode)) // want `upstream status mapServerErrors\(resp.StatusCode\) is forwarded`
}
