// Package clientforks: an HTTP response is known by what it is, not by
// its package: net/http's forks (bogdanfinn/fhttp behind tls-client),
// client libraries whose response has accessors (resty v3) or embeds
// net/http's (req v3), and wrappers that return net/http's (heimdall).
package clientforks

import (
	"net/http"

	fhttp "github.com/bogdanfinn/fhttp"
	tls_client "github.com/bogdanfinn/tls-client"
	"github.com/gin-gonic/gin"
	"github.com/gojek/heimdall/v7/httpclient"
	"github.com/imroc/req/v3"
	"resty.dev/v3"

	"example.com/lambdaish"
)

var client tls_client.HttpClient

// linweiyuan/go-chatgpt-api, api/platform/login.go
func badFork(c *gin.Context) {
	rq, _ := fhttp.NewRequest(fhttp.MethodGet, "https://auth.example.com/session", nil)
	resp, err := client.Do(rq)
	if err != nil {
		c.AbortWithStatusJSON(http.StatusBadGateway, gin.H{"error": "login failed"})
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != fhttp.StatusOK {
		c.AbortWithStatusJSON(resp.StatusCode, gin.H{"error": "could not get a session"}) // want `upstream status resp.StatusCode is forwarded to the client`
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

func badForkConcrete(c *gin.Context, fc *fhttp.Client) {
	rq, _ := fhttp.NewRequest(fhttp.MethodGet, "https://auth.example.com/session", nil)
	resp, err := fc.Do(rq)
	if err != nil {
		c.AbortWithStatusJSON(http.StatusBadGateway, gin.H{"error": "login failed"})
		return
	}
	defer resp.Body.Close()
	c.JSON(resp.StatusCode, gin.H{"ok": false}) // want `upstream status resp.StatusCode is forwarded to the client`
}

func badRestyV3(c *gin.Context) {
	resp, err := resty.New().R().Get("http://billing.internal/v1/invoices")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing unavailable"})
		return
	}
	if resp.IsStatusFailure() {
		c.JSON(resp.StatusCode(), gin.H{"error": "billing failed"}) // want `upstream status resp.StatusCode\(\) is forwarded to the client`
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

func badReq(c *gin.Context) {
	resp, err := req.C().R().Get("http://billing.internal/v1/invoices")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing unavailable"})
		return
	}
	if resp.IsErrorState() {
		c.JSON(resp.StatusCode, gin.H{"error": "billing failed"}) // want `upstream status resp.StatusCode is forwarded to the client`
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

func badReqAccessor(c *gin.Context) {
	resp, err := req.C().R().Get("http://billing.internal/v1/invoices")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing unavailable"})
		return
	}
	c.JSON(resp.GetStatusCode(), gin.H{"ok": resp.GetStatusCode() < 300}) // want `upstream status resp.GetStatusCode\(\) is forwarded to the client`
}

func badHeimdall(w http.ResponseWriter, r *http.Request) {
	resp, err := httpclient.NewClient().Get("http://stock.internal/v1/items", nil)
	if err != nil {
		http.Error(w, "stock unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded to the client`
}

// A proxy on a fork forwards status and body of the same response.
func goodForkProxy(w http.ResponseWriter, r *http.Request) {
	rq, _ := fhttp.NewRequest(fhttp.MethodGet, "https://api.example.com/v1/models", nil)
	resp, err := client.Do(rq)
	if err != nil {
		http.Error(w, "upstream unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	b := make([]byte, 1024)
	n, _ := resp.Body.Read(b)
	w.WriteHeader(resp.StatusCode)
	w.Write(b[:n])
}

// A decision made with the status is ours.
func goodRestyDecision(c *gin.Context) {
	resp, err := resty.New().R().Get("http://billing.internal/v1/invoices")
	if err != nil || resp.StatusCode() >= 300 {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing failed"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

// A response the handler builds to answer with (a string Body, no
// reader) is not an upstream's.
func goodBuiltResponse(c *gin.Context) {
	out, err := lambdaish.Adapt(http.StatusAccepted, "queued")
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	c.JSON(out.StatusCode, gin.H{"body": out.Body})
}

// cached returns a response of our own module: its summary decides,
// and it makes one up.
func cached() (*http.Response, error) {
	return &http.Response{StatusCode: http.StatusOK}, nil
}

func goodOwnResponse(w http.ResponseWriter, r *http.Request) {
	resp, err := cached()
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(resp.StatusCode)
}
