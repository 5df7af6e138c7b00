// Package concatctor holds two leak shapes seen on public services
// (issue 12, "also seen"): dependency text concatenated into a JSON body
// written by hand, and a local constructor that formats the error into
// the payload it returns.
package concatctor

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
)

var client = &http.Client{}

func badConcatBody(w http.ResponseWriter, r *http.Request) {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusInternalServerError)
		w.Write([]byte(`{"error": "` + err.Error() + `"}`)) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
}

type nodeErr struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func nodeError(code int, msg string) *nodeErr {
	return &nodeErr{Code: code, Message: msg}
}

func badConstructor(c *gin.Context) {
	_, err := client.Get("http://node.internal/status")
	if err != nil {
		c.JSON(http.StatusBadGateway, nodeError(http.StatusBadGateway, fmt.Sprintf("node unreachable: %v", err))) // want `dependency error nodeError\(http.StatusBadGateway, fmt.Sprintf\(.* is sent to the client`
		return
	}
}

// The same constructor with our own text: silent.
func goodConstructor(c *gin.Context) {
	_, err := client.Get("http://node.internal/status")
	if err != nil {
		c.JSON(http.StatusBadGateway, nodeError(http.StatusBadGateway, "node unreachable"))
		return
	}
}

// Concatenation of our own text only: silent.
func goodConcatOwn(w http.ResponseWriter, r *http.Request) {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		w.Write([]byte(`{"error": "` + "users unavailable" + `"}`))
	}
}
