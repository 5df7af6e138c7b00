// Package proxypath holds the transparent-proxy rule per response: a
// handler proxies when it answers one response with the upstream's status
// and its raw body on the same path. A handler that relays the body on
// success and forwards the upstream status with a body of its own on
// failure passes the status through on that path (issue 12).
package proxypath

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
)

var client = &http.Client{}

// --- reported: the failure path sends the upstream status with our body ---

func badRelayOnSuccess(c *gin.Context) {
	resp, err := client.Get("http://tasks.internal/t/1")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "tasks unavailable"})
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		c.JSON(resp.StatusCode, gin.H{"error": "task failed"}) // want `upstream status resp.StatusCode is forwarded to the client`
		return
	}
	c.Data(http.StatusOK, "application/json", body)
}

func badRelayNetHTTP(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://tasks.internal/t/1")
	if err != nil {
		http.Error(w, "tasks unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		w.WriteHeader(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded to the client`
		w.Write([]byte("upstream failed"))
		return
	}
	io.Copy(w, resp.Body)
}

// The upstream body inside our own payload is not proxying it.
func badEmbeddedBody(c *gin.Context) {
	resp, err := client.Get("http://tasks.internal/t/1")
	if err != nil {
		c.Status(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		c.JSON(resp.StatusCode, gin.H{"error": string(body)}) // want `upstream status resp.StatusCode is forwarded to the client`
		return
	}
	c.Data(http.StatusOK, "application/json", body)
}

// relay is a helper with the same two paths: its callers forward the
// status through it.
func relay(c *gin.Context, resp *http.Response) {
	if resp.StatusCode != http.StatusOK {
		c.JSON(resp.StatusCode, gin.H{"error": "upstream failed"})
		return
	}
	c.DataFromReader(http.StatusOK, resp.ContentLength, "application/json", resp.Body, nil)
}

func badRelayHelper(c *gin.Context) {
	resp, err := client.Get("http://tasks.internal/t/1")
	if err != nil {
		c.Status(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	relay(c, resp) // want `upstream status resp is forwarded to the client by relay`
}

// --- silent: status and raw body of one response, on one path ---

func goodDataFromReader(c *gin.Context) {
	resp, err := client.Get("http://media.internal/v/1")
	if err != nil {
		c.Status(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	c.DataFromReader(resp.StatusCode, resp.ContentLength, resp.Header.Get("Content-Type"), resp.Body, nil)
}

// A proxy relays failures as they are too.
func goodRelayFailureToo(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://files.internal/f/1")
	if err != nil {
		http.Error(w, "files unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		w.WriteHeader(resp.StatusCode)
		io.Copy(w, resp.Body)
		return
	}
	w.Header().Set("Cache-Control", "max-age=60")
	w.WriteHeader(http.StatusOK)
	io.Copy(w, resp.Body)
}

// The status first, then the body on a later branch of the same path.
func goodStatusThenBody(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://files.internal/f/1")
	if err != nil {
		http.Error(w, "files unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
	if r.Method != http.MethodHead {
		io.Copy(w, resp.Body)
	}
}

// The bytes read from the body, written whole, with its status.
func goodReadAllRelay(c *gin.Context) {
	resp, err := client.Get("http://files.internal/f/1")
	if err != nil {
		c.Status(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		c.Status(http.StatusBadGateway)
		return
	}
	c.Data(resp.StatusCode, resp.Header.Get("Content-Type"), body)
}

// forward is a proxy helper: status and body of its response on one path.
func forward(w http.ResponseWriter, resp *http.Response) {
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

func goodForwardHelper(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://files.internal/f/1")
	if err != nil {
		http.Error(w, "files unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	forward(w, resp)
}

// A status decided from the upstream one, with the body relayed: not a
// copy of the status at all.
func goodDecided(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://files.internal/f/1")
	if err != nil {
		http.Error(w, "files unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		w.WriteHeader(http.StatusBadGateway)
		json.NewEncoder(w).Encode(map[string]string{"error": "files failed"})
		return
	}
	io.Copy(w, resp.Body)
}
