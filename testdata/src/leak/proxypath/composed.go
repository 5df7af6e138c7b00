package proxypath

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// An upstream body embedded in a message of ours is not a proxy's whole
// body, even with the upstream's status beside it in the same call
// (dexidp/dex, examples/example-app/server/devicecode.go).

func badBufferInMessage(w http.ResponseWriter, r *http.Request) {
	resp, err := client.PostForm("http://idp.internal/device/code", nil)
	if err != nil {
		http.Error(w, "device code request failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body := new(bytes.Buffer)
		body.ReadFrom(resp.Body)
		http.Error(w, fmt.Sprintf("Device code request failed: %s", body.String()), resp.StatusCode) // want `upstream error body fmt.Sprintf\("Device code request failed: %s", body.String\(\)\) is sent to the client`
		return
	}
}

func badConcatenated(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://tasks.internal/t/1")
	if err != nil {
		http.Error(w, "tasks unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		b, _ := io.ReadAll(resp.Body)
		w.WriteHeader(resp.StatusCode)
		w.Write([]byte("tasks said: " + string(b))) // want `upstream error body`
	}
}

func badSprint(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://tasks.internal/t/1")
	if err != nil {
		http.Error(w, "tasks unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		b, _ := io.ReadAll(resp.Body)
		http.Error(w, fmt.Sprint("tasks failed: ", string(b)), resp.StatusCode) // want `upstream error body`
	}
}

// The body alone, formatted with nothing of ours around it, is still
// the upstream's whole answer: a proxy's.
func goodWholeBodyFormatted(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://tasks.internal/t/1")
	if err != nil {
		http.Error(w, "tasks unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		var body bytes.Buffer
		body.ReadFrom(resp.Body)
		http.Error(w, fmt.Sprintf("%s\n", body.String()), resp.StatusCode)
	}
}

func goodWholeBuffer(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://tasks.internal/t/1")
	if err != nil {
		http.Error(w, "tasks unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	var body bytes.Buffer
	body.ReadFrom(resp.Body)
	w.WriteHeader(resp.StatusCode)
	w.Write(body.Bytes())
}

// The upstream's error message, decoded and re-wrapped in our format,
// with the upstream's status: its error text, sent as ours.
func badRewrapped(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://llm.internal/v1/chat")
	if err != nil {
		http.Error(w, "upstream unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var upstream struct {
			Error struct {
				Message string `json:"message"`
			} `json:"error"`
		}
		json.NewDecoder(resp.Body).Decode(&upstream)
		w.WriteHeader(resp.StatusCode)
		json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"message": upstream.Error.Message, "type": "upstream_error"}}) // want `upstream error body`
	}
}
