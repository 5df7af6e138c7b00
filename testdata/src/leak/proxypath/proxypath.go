// Package proxypath: an upstream error body written whole with the
// status of the same response, on one path, is a proxy's answer; inside
// a payload of ours, or with a status of ours while the upstream status
// is forwarded only on another path, it is the upstream's error text
// sent as ours (issue 12).
package proxypath

import (
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
)

var client = &http.Client{}

func badEmbeddedBody(c *gin.Context) {
	resp, err := client.Get("http://tasks.internal/t/1")
	if err != nil {
		c.Status(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		c.JSON(resp.StatusCode, gin.H{"error": string(body)}) // want `upstream error body gin.H{…} is sent to the client`
		return
	}
	c.Data(http.StatusOK, "application/json", body)
}

func badOwnStatusOnFailure(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://files.internal/f/1")
	if err != nil {
		http.Error(w, "files unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		w.WriteHeader(http.StatusBadGateway)
		io.Copy(w, resp.Body) // want `upstream error body resp.Body is sent to the client`
		return
	}
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

// --- silent ---

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
	io.Copy(w, resp.Body)
}

func goodGinRelay(c *gin.Context) {
	resp, err := client.Get("http://files.internal/f/1")
	if err != nil {
		c.Status(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		c.DataFromReader(resp.StatusCode, resp.ContentLength, "text/plain", resp.Body, nil)
		return
	}
	c.DataFromReader(http.StatusOK, resp.ContentLength, "application/json", resp.Body, nil)
}
