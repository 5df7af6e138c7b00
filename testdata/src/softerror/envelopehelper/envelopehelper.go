// Package envelopehelper calls the envelope helpers of another package
// from many handlers: the failures are the helpers' findings, once each.
package envelopehelper

import (
	"context"

	"github.com/gin-gonic/gin"

	"softerror/envelopehelper/response"
)

type store interface {
	Get(ctx context.Context, id string) (string, error)
}

var db store

func a(c *gin.Context) {
	v, err := db.Get(c, c.Param("id"))
	if err != nil {
		response.FailWithMessage("lookup failed", c)
		return
	}
	response.OkWithData(v, c)
}

func b(c *gin.Context) {
	if _, err := db.Get(c, "b"); err != nil {
		response.FailWithMessage(err.Error(), c)
		return
	}
	response.Ok(c)
}

func d(c *gin.Context) {
	if _, err := db.Get(c, "d"); err != nil {
		response.Fail(c)
		return
	}
	response.Ok(c)
}

func e(c *gin.Context) {
	if _, err := db.Get(c, "e"); err != nil {
		response.ServerFail("e failed", c)
		return
	}
	response.Created(c)
}

// A handler that calls HTTPResult of another package with a failure code:
// a per-package host reports it at the call (the helper's package cannot
// see this call); the standalone reports the helper, in its package.
func f(c *gin.Context) {
	if _, err := db.Get(c, "f"); err != nil {
		response.HTTPResult(503, "f failed", c) // want `failure envelope \(Code: 503\) is sent with status 200 by HTTPResult; use an error status`
		return
	}
	response.HTTPResult(200, "f", c)
}
