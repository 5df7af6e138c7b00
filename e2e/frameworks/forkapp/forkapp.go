// Package forkapp is a gin service calling upstreams through HTTP clients
// that are not net/http's own: bogdanfinn/fhttp (a fork of net/http)
// behind bogdanfinn/tls-client's HttpClient interface, imroc/req v3,
// resty v3 (resty.dev/v3) and gojek/heimdall's httpclient. Their
// responses are known by their shape (a status and a body), their
// requests by returning one with an error. For each: a passthrough (the
// upstream's status sent as ours, with our message), a leak (the
// client's error text sent), and correct code that looks alike.
package forkapp

import (
	"io"
	"net/http"

	fhttp "github.com/bogdanfinn/fhttp"
	tls_client "github.com/bogdanfinn/tls-client"
	"github.com/gin-gonic/gin"
	"github.com/gojek/heimdall/v7/httpclient"
	"github.com/imroc/req/v3"
	"resty.dev/v3"
)

type Handler struct {
	TLS      tls_client.HttpClient
	Req      *req.Client
	Resty    *resty.Client
	Heimdall *httpclient.Client
}

// New builds the clients.
func New() (*Handler, error) {
	tc, err := tls_client.NewHttpClient(tls_client.NewNoopLogger(), tls_client.WithTimeoutSeconds(10))
	if err != nil {
		return nil, err
	}
	return &Handler{TLS: tc, Req: req.C(), Resty: resty.New(), Heimdall: httpclient.NewClient()}, nil
}

// Routes registers the handlers.
func (h *Handler) Routes(r *gin.Engine) {
	r.GET("/fork/status", h.forkStatus)
	r.GET("/fork/error", h.forkError)
	r.GET("/fork/proxy", h.forkProxy)
	r.GET("/req/status", h.reqStatus)
	r.GET("/req/error", h.reqError)
	r.GET("/req/decision", h.reqDecision)
	r.GET("/resty/status", h.restyStatus)
	r.GET("/resty/error", h.restyError)
	r.GET("/resty/proxy", h.restyProxy)
	r.GET("/resty/body", h.restyBody)
	r.GET("/resty/data", h.restyData)
	r.GET("/heimdall/status", h.heimdallStatus)
	r.GET("/heimdall/error", h.heimdallError)
	r.GET("/heimdall/decision", h.heimdallDecision)
}

// --- bogdanfinn/tls-client (fhttp) ---

func (h *Handler) session() (*fhttp.Response, error) {
	rq, err := fhttp.NewRequest(fhttp.MethodGet, "https://auth.example.com/session", nil)
	if err != nil {
		return nil, err
	}
	rq.Header = fhttp.Header{"accept": {"application/json"}}
	return h.TLS.Do(rq)
}

func (h *Handler) forkStatus(c *gin.Context) {
	resp, err := h.session()
	if err != nil {
		c.AbortWithStatusJSON(http.StatusBadGateway, gin.H{"error": "login failed"})
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != fhttp.StatusOK {
		// bad: the auth service's status as ours
		c.AbortWithStatusJSON(resp.StatusCode, gin.H{"error": "could not get a session"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

func (h *Handler) forkError(c *gin.Context) {
	resp, err := h.session()
	if err != nil {
		// bad: the client's error text (address, TLS details)
		c.AbortWithStatusJSON(http.StatusBadGateway, gin.H{"error": err.Error()})
		return
	}
	defer resp.Body.Close()
	c.Status(http.StatusNoContent)
}

// good: a proxy forwards the status and the whole body of the same
// response.
func (h *Handler) forkProxy(c *gin.Context) {
	resp, err := h.session()
	if err != nil {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	c.Data(resp.StatusCode, resp.Header.Get("Content-Type"), b)
}

// --- imroc/req v3 ---

func (h *Handler) reqStatus(c *gin.Context) {
	resp, err := h.Req.R().Get("http://billing.internal/v1/invoices")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing unavailable"})
		return
	}
	if resp.IsErrorState() {
		// bad: the billing service's status as ours
		c.JSON(resp.StatusCode, gin.H{"error": "billing failed"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

func (h *Handler) reqError(c *gin.Context) {
	_, err := h.Req.R().Get("http://billing.internal/v1/invoices")
	if err != nil {
		// bad: the client's error text
		c.JSON(http.StatusBadGateway, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

// good: a decision made with the status is ours.
func (h *Handler) reqDecision(c *gin.Context) {
	resp, err := h.Req.R().Get("http://billing.internal/v1/invoices")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing unavailable"})
		return
	}
	if resp.StatusCode == http.StatusNotFound {
		c.JSON(http.StatusNotFound, gin.H{"error": "no invoices"})
		return
	}
	if !resp.IsSuccessState() {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing failed"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"invoices": resp.String()})
}

// --- resty v3 ---

func (h *Handler) restyStatus(c *gin.Context) {
	resp, err := h.Resty.R().Get("http://billing.internal/v1/invoices")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing unavailable"})
		return
	}
	if resp.IsStatusFailure() {
		// bad: the billing service's status as ours
		c.JSON(resp.StatusCode(), gin.H{"error": "billing failed"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

func (h *Handler) restyError(c *gin.Context) {
	_, err := h.Resty.R().Get("http://billing.internal/v1/invoices")
	if err != nil {
		// bad: the client's error text
		c.JSON(http.StatusBadGateway, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

// good: a proxy forwards the status and the whole body of the same
// response.
func (h *Handler) restyProxy(c *gin.Context) {
	resp, err := h.Resty.R().Get("http://billing.internal/v1/invoices")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing unavailable"})
		return
	}
	c.Data(resp.StatusCode(), resp.Header().Get("Content-Type"), resp.Bytes())
}

func (h *Handler) restyBody(c *gin.Context) {
	resp, err := h.Resty.R().Get("http://billing.internal/v1/invoices")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing unavailable"})
		return
	}
	if resp.IsStatusFailure() {
		// bad: the billing service's error body, under our status
		c.JSON(http.StatusBadGateway, gin.H{"error": resp.String()})
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

// good: the body on the success path is data.
func (h *Handler) restyData(c *gin.Context) {
	resp, err := h.Resty.R().Get("http://billing.internal/v1/invoices")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing unavailable"})
		return
	}
	if !resp.IsStatusSuccess() {
		c.JSON(http.StatusBadGateway, gin.H{"error": "billing failed"})
		return
	}
	c.Data(http.StatusOK, "application/json", resp.Bytes())
}

// --- gojek/heimdall ---

func (h *Handler) heimdallStatus(c *gin.Context) {
	resp, err := h.Heimdall.Get("http://stock.internal/v1/items", nil)
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "stock unavailable"})
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		// bad: the stock service's status as ours
		c.JSON(resp.StatusCode, gin.H{"error": "stock failed"})
		return
	}
	c.Status(http.StatusNoContent)
}

func (h *Handler) heimdallError(c *gin.Context) {
	resp, err := h.Heimdall.Get("http://stock.internal/v1/items", nil)
	if err != nil {
		// bad: the client's error text
		c.String(http.StatusBadGateway, err.Error())
		return
	}
	defer resp.Body.Close()
	c.Status(http.StatusNoContent)
}

// good: a decision made with the status is ours.
func (h *Handler) heimdallDecision(c *gin.Context) {
	resp, err := h.Heimdall.Get("http://stock.internal/v1/items", nil)
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "stock unavailable"})
		return
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound:
		c.JSON(http.StatusNotFound, gin.H{"error": "no such item"})
	case resp.StatusCode >= 300:
		c.JSON(http.StatusBadGateway, gin.H{"error": "stock failed"})
	default:
		c.Status(http.StatusNoContent)
	}
}
