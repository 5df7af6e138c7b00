package nethttp

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"runtime"
	"runtime/debug"
	"strconv"

	"example.com/store"
)

var client = &http.Client{}

var db = &store.Store{}

var ErrClosed = errors.New("orders are closed")

func badClientError(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://billing.internal:8080/v1/charge?token=s3cr3t")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway) // want `dependency error err.Error\(\) is sent to the client; log it and send a generic message`
		return
	}
	resp.Body.Close()
}

func badFprint(w http.ResponseWriter, r *http.Request) {
	_, err := http.Get("http://users.internal/me")
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprint(w, err) // want `dependency error err is sent to the client`
	}
}

func badFprintf(w http.ResponseWriter, r *http.Request) {
	_, err := http.Get("http://users.internal/me")
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprintf(w, "lookup failed: %v\n", err) // want `dependency error err is sent to the client`
	}
}

func badWrapped(w http.ResponseWriter, r *http.Request) {
	_, err := http.Get("http://users.internal/me")
	if err != nil {
		err = fmt.Errorf("users: %w", err)
		w.WriteHeader(http.StatusBadGateway)
		w.Write([]byte(err.Error())) // want `dependency error err.Error\(\) is sent to the client`
	}
}

func badJoined(w http.ResponseWriter, r *http.Request) {
	_, err1 := http.Get("http://a.internal/")
	_, err2 := http.Get("http://b.internal/")
	if err := errors.Join(err1, err2); err != nil {
		http.Error(w, "both failed: "+err.Error(), http.StatusBadGateway) // want `dependency error "both failed: " \+ err.Error\(\) is sent`
	}
}

func badJSONMap(w http.ResponseWriter, r *http.Request) {
	_, err := http.Get("http://users.internal/me")
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		json.NewEncoder(w).Encode(map[string]string{"error": err.Error()}) // want `dependency error err.Error\(\) is sent`
	}
}

type apiError struct {
	Message string `json:"message"`
	Code    int    `json:"code"`
}

func badJSONStruct(w http.ResponseWriter, r *http.Request) {
	_, err := http.Get("http://users.internal/me")
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		json.NewEncoder(w).Encode(apiError{Message: fmt.Sprintf("users: %v", err), Code: 502}) // want `dependency error fmt.Sprintf\("users: %v", err\) is sent`
	}
}

func badSQLViaRepository(w http.ResponseWriter, r *http.Request) {
	name, err := db.UserName(r.Context(), r.PathValue("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `dependency error err.Error\(\) is sent`
		return
	}
	io.WriteString(w, name)
}

func badDial(w http.ResponseWriter, r *http.Request) {
	conn, err := net.Dial("tcp", "cache.internal:6379")
	if err != nil {
		io.WriteString(w, err.Error()) // want `dependency error err.Error\(\) is sent`
		return
	}
	conn.Close()
}

func writeError(w http.ResponseWriter, code int, err error) {
	w.WriteHeader(code)
	fmt.Fprintf(w, `{"error":%q}`, err.Error())
}

func badHelperSink(w http.ResponseWriter, r *http.Request) {
	_, err := http.Get("http://users.internal/me")
	if err != nil {
		writeError(w, http.StatusBadGateway, err) // want `dependency error err is sent to the client by writeError`
	}
}

func badStack(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			w.WriteHeader(http.StatusInternalServerError)
			w.Write(debug.Stack()) // want `stack trace debug.Stack\(\) is sent to the client; log it instead`
		}
	}()
}

func badRuntimeStack(w http.ResponseWriter, r *http.Request) {
	buf := make([]byte, 4096)
	n := runtime.Stack(buf, false)
	w.Write(buf[:n]) // want `stack trace buf\[:n\] is sent`
}

func badUpstreamErrorBody(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		http.Error(w, "inventory unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		w.WriteHeader(http.StatusBadGateway)
		io.Copy(w, resp.Body) // want `upstream error body resp.Body is sent to the client; answer with a message of this service`
		return
	}
	w.Write([]byte("ok"))
}

func badUpstreamErrorBodyRead(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		http.Error(w, "inventory: "+string(body), http.StatusBadGateway) // want `upstream error body "inventory: " \+ string\(body\) is sent`
		return
	}
}

func badOutboundURL(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(r.Context(), "GET", "http://users.internal/me?key=s3cr3t", nil)
	if _, err := client.Do(req); err == nil {
		return
	}
	w.WriteHeader(http.StatusBadGateway)
	fmt.Fprintf(w, "calling %s failed", req.URL) // want `outbound request URL req.URL is sent`
}

// --- correct code ---

func goodClientInput(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var body struct{ Name string }
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad body: "+err.Error(), http.StatusBadRequest)
		return
	}
	fmt.Fprintf(w, "%d %s", n, body.Name)
}

func goodSentinel(w http.ResponseWriter, r *http.Request) {
	http.Error(w, ErrClosed.Error(), http.StatusConflict)
}

func goodSentinelGuard(w http.ResponseWriter, r *http.Request) {
	name, err := db.UserName(r.Context(), r.PathValue("id"))
	if errors.Is(err, store.ErrNotFound) {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	if err == ErrClosed {
		http.Error(w, err.Error(), http.StatusConflict)
		return
	}
	if err != nil {
		log.Printf("user lookup: %v", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	io.WriteString(w, name)
}

func goodLogged(w http.ResponseWriter, r *http.Request) {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		log.Printf("billing: %v", err)
		http.Error(w, http.StatusText(http.StatusBadGateway), http.StatusBadGateway)
	}
}

func fetchName(id string) (string, error) {
	resp, err := client.Get("http://users.internal/" + id)
	if err != nil {
		return "", fmt.Errorf("users: %w", err)
	}
	resp.Body.Close()
	return id, nil
}

func goodReturnedOnly(id string) error {
	_, err := fetchName(id)
	return err
}

func goodSuccessBody(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://catalog.internal/items")
	if err != nil {
		http.Error(w, "catalog unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		io.Copy(w, resp.Body)
		return
	}
	http.Error(w, "catalog failed", http.StatusBadGateway)
}

func goodProxyOnFailure(w http.ResponseWriter, r *http.Request) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		return
	}
	if resp.StatusCode >= 400 {
		w.WriteHeader(resp.StatusCode)
		io.Copy(w, resp.Body)
	}
}

func goodOwnURL(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "you asked for %s", r.URL.Path)
}
