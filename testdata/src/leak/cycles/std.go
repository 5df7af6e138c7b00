package cycles

// The shapes of this file import only the standard library, so the fuzz
// target of checks/ takes them as seeds (checks/fuzz_test.go).

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
)

var client = &http.Client{}

// node is a recursive type: a payload that holds itself.
type node struct {
	Message string `json:"message"`
	Next    *node  `json:"next"`
}

func selfPayload(w http.ResponseWriter, r *http.Request) {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		n := &node{}
		n.Next = n // the payload refers to itself
		n.Message = err.Error()
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprint(w, n.Message) // want `dependency error n.Message is sent to the client`
	}
}

// payload is a variable holding itself after a reassignment through an
// interface: v = v, stored back into its own cell by a closure.
func selfAssigned(w http.ResponseWriter, r *http.Request) {
	var v any = map[string]string{"error": "lookup failed"}
	again := func() { v = v }
	again()
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprint(w, v) // silent: our own text
	}
}

// retry calls itself; the summary of a recursive helper must not
// recompute itself without end.
func retry(w http.ResponseWriter, n int) {
	_, err := client.Get("http://users.internal/me")
	if err != nil && n > 0 {
		retry(w, n-1)
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway) // want `dependency error err.Error\(\) is sent to the client`
	}
}

// even and odd are mutually recursive helpers that send their error
// parameter: their summaries depend on each other.
func even(w http.ResponseWriter, err error, n int) {
	if n == 0 {
		http.Error(w, err.Error(), http.StatusBadGateway) // want `error text of err is sent with status 502; internal errors carry details`
		return
	}
	odd(w, err, n-1)
}

func odd(w http.ResponseWriter, err error, n int) {
	if n == 0 {
		fmt.Fprint(w, err)
		return
	}
	even(w, err, n-1)
}

func mutual(w http.ResponseWriter, r *http.Request) {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		even(w, err, 3) // want `dependency error err is sent to the client by even`
	}
}

// self captures itself: a closure whose free variable is the closure.
func selfClosure(w http.ResponseWriter, r *http.Request) {
	var send func(int)
	send = func(n int) {
		_, err := client.Get("http://users.internal/me")
		if err != nil && n > 0 {
			send(n - 1)
			return
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway) // want `dependency error err.Error\(\) is sent to the client`
		}
	}
	send(2)
}

// render has a named result and a defer, so `return err` stores a load
// of err's cell back into it; the payload walk of the encoded value goes
// through that cell.
func render(w http.ResponseWriter) (err error) {
	defer func() {
		if err != nil {
			log.Print("render failed")
		}
	}()
	_, err = client.Get("http://users.internal/me")
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		json.NewEncoder(w).Encode(map[string]any{"error": err}) // want `dependency error map\[string\]any\{…\} is sent to the client`
		return err
	}
	return nil
}

func useRender(w http.ResponseWriter, r *http.Request) {
	if err := render(w); err != nil {
		log.Print(err)
	}
}
