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
