// Package clientforks: the errors and bodies of HTTP clients that are
// not net/http's (a fork, libraries with accessors) are a dependency's.
package clientforks

import (
	"io"
	"net/http"

	fhttp "github.com/bogdanfinn/fhttp"
	tls_client "github.com/bogdanfinn/tls-client"
	"github.com/gin-gonic/gin"
	"github.com/gojek/heimdall/v7/httpclient"
	"resty.dev/v3"
)

var client tls_client.HttpClient

// linweiyuan/go-chatgpt-api, api/common.go
func badForkError(c *gin.Context) {
	rq, _ := fhttp.NewRequest(fhttp.MethodGet, "https://api.example.com/v1/models", nil)
	resp, err := client.Do(rq)
	if err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": err.Error()}) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	defer resp.Body.Close()
	c.Status(http.StatusOK)
}

func badForkBody(c *gin.Context) {
	rq, _ := fhttp.NewRequest(fhttp.MethodGet, "https://api.example.com/v1/models", nil)
	resp, err := client.Do(rq)
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "upstream unavailable"})
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != fhttp.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		c.JSON(http.StatusBadGateway, gin.H{"error": string(b)}) // want `upstream error body`
		return
	}
	c.Status(http.StatusOK)
}

func badRestyV3Body(c *gin.Context) {
	resp, err := resty.New().R().Get("http://billing.internal/v1/invoices")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing unavailable"})
		return
	}
	if resp.IsStatusFailure() {
		c.JSON(http.StatusBadGateway, gin.H{"error": resp.String()}) // want `upstream error body`
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

func badHeimdallError(w http.ResponseWriter, r *http.Request) {
	resp, err := httpclient.NewClient().Get("http://stock.internal/v1/items", nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(http.StatusNoContent)
}

// The body on the success path is data.
func goodRestyData(c *gin.Context) {
	resp, err := resty.New().R().Get("http://billing.internal/v1/invoices")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing unavailable"})
		return
	}
	if resp.IsStatusFailure() {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing failed"})
		return
	}
	c.String(http.StatusOK, resp.String())
}

func goodRestySuccessCheck(c *gin.Context) {
	resp, err := resty.New().R().Get("http://billing.internal/v1/invoices")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing unavailable"})
		return
	}
	if !resp.IsStatusSuccess() {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing failed"})
		return
	}
	c.String(http.StatusOK, resp.String())
}

func badRestySuccessCheck(c *gin.Context) {
	resp, err := resty.New().R().Get("http://billing.internal/v1/invoices")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing unavailable"})
		return
	}
	if !resp.IsStatusSuccess() {
		c.String(http.StatusBadGateway, resp.String()) // want `upstream error body`
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": true})
}
