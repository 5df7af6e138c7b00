// Package envelope: 200 responses whose envelope says failure and carries
// no data, and the envelopes that do not.
package envelope

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
)

type store interface {
	Save(ctx context.Context) error
	List(ctx context.Context) ([]string, error)
}

var db store

// Response is the {code, msg, data} envelope.
type Response struct {
	Code int         `json:"code"`
	Msg  string      `json:"msg"`
	Data interface{} `json:"data"`
}

func ginFailures(c *gin.Context) {
	if err := db.Save(c); err != nil {
		c.JSON(http.StatusOK, gin.H{"success": false, "message": err.Error()}) // want `failure envelope gin.H \(success: false\) is sent with explicit status 200; use an error status`
		return
	}
	if err := db.Save(c); err != nil {
		c.JSON(200, gin.H{"code": 500, "msg": "save failed"}) // want `failure envelope gin.H \(code: 500\) is sent with explicit status 200`
		return
	}
	if err := db.Save(c); err != nil {
		c.JSON(http.StatusOK, gin.H{"code": http.StatusBadGateway, "msg": "upstream failed", "data": nil}) // want `failure envelope gin.H \(code: 502\)`
		return
	}
	if err := db.Save(c); err != nil {
		c.JSON(http.StatusOK, gin.H{"status": "fail", "msg": "try again", "data": gin.H{}}) // want `failure envelope gin.H \(status: "fail"\)`
		return
	}
	c.JSON(http.StatusOK, gin.H{"success": true})
}

func fiberFailure(c *fiber.Ctx) error {
	if err := db.Save(c.UserContext()); err != nil {
		return c.JSON(fiber.Map{"status": "error", "message": "not saved"}) // want `failure envelope fiber.Map \(status: "error"\) is sent with status 200 \(no status written on this path\)`
	}
	return c.JSON(fiber.Map{"status": "ok"})
}

func structFailures(w http.ResponseWriter, r *http.Request) {
	if err := db.Save(r.Context()); err != nil {
		json.NewEncoder(w).Encode(Response{Code: 500, Msg: "database unavailable"}) // want `failure envelope Response \(code: 500\) is sent with status 200`
		return
	}
	if err := db.Save(r.Context()); err != nil {
		json.NewEncoder(w).Encode(&Response{Code: http.StatusServiceUnavailable, Msg: "busy", Data: map[string]any{}}) // want `failure envelope Response \(code: 503\)`
		return
	}
	json.NewEncoder(w).Encode(Response{Code: 0, Msg: "ok"})
}

// Envelopes that are not failures, or carry data, or go out with an
// error status.
func silent(c *gin.Context) {
	items, err := db.List(c)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"success": false, "message": "list failed"}) // an error status
		return
	}
	c.JSON(http.StatusOK, gin.H{"success": true, "data": items})
	c.JSON(http.StatusOK, gin.H{"success": false, "data": items, "errors": []string{"one shard is down"}}) // partial success
	c.JSON(http.StatusOK, gin.H{"code": 0, "msg": "ok", "data": items})
	c.JSON(http.StatusOK, gin.H{"code": 200, "msg": "failed to list one", "data": nil}) // says it succeeded
	c.JSON(http.StatusOK, Response{Code: 7, Msg: "business failure"})                   // a business code: not an HTTP-like status
	c.JSON(http.StatusOK, Response{Code: 500, Msg: "failed", Data: items})              // carries data
	c.JSON(http.StatusOK, gin.H{"success": false, "message": "x", "total": len(items)}) // a key that is data
}

// A helper that is not a handler may be called after a status was set.
func writeFail(c *gin.Context, msg string) {
	c.JSON(http.StatusOK, gin.H{"success": false, "message": msg}) // want `failure envelope gin.H \(success: false\) is sent with explicit status 200`
}

// errorJSON is given the status to send by its callers and writes it
// into a 200 body instead: one finding, at the helper, for all its calls.
func errorJSON(w http.ResponseWriter, r *http.Request, msg string, code int) { // want `failure envelopes \(Code: 400, Code: 500\) are sent with status 200 by errorJSON, from 3 calls; send the failure as the response status`
	w.WriteHeader(http.StatusOK)
	json.NewEncoder(w).Encode(struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}{Code: code, Message: msg})
}

func handlersOfErrorJSON(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("id") == "" {
		errorJSON(w, r, "id is required", http.StatusBadRequest)
		return
	}
	if err := db.Save(r.Context()); err != nil {
		errorJSON(w, r, "save failed", http.StatusInternalServerError)
		return
	}
	if err := db.Save(r.Context()); err != nil {
		errorJSON(w, r, "save failed again", http.StatusInternalServerError)
		return
	}
	errorJSON(w, r, "created", http.StatusCreated) // a success code: not a failure
}
