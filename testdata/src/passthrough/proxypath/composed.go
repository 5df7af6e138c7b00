package proxypath

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// The upstream status sent with a message of ours that embeds the
// upstream body is passed through: the body is not forwarded whole, as
// a proxy forwards it (dexidp/dex, examples/example-app/server/devicecode.go).

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
		http.Error(w, fmt.Sprintf("Device code request failed: %s", body.String()), resp.StatusCode) // want `upstream status resp.StatusCode is forwarded to the client`
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
		w.WriteHeader(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded to the client`
		w.Write([]byte("tasks said: " + string(b)))
	}
}

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

// An AI-API proxy decodes the upstream's error and re-wraps its message
// in a format of its own, with the upstream's status: the status is
// passed through (the body is not the upstream's whole answer).
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
		w.WriteHeader(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded to the client`
		json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"message": upstream.Error.Message, "type": "upstream_error"}})
	}
}
