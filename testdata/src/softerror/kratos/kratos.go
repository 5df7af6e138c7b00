// Package kratos: a custom kratos HTTP route answers 200 with an error.
package kratos

import (
	"net/http"

	khttp "github.com/go-kratos/kratos/v2/transport/http"
)

func export(ctx khttp.Context) error {
	if ctx.Request().URL.Query().Get("id") == "" {
		return ctx.JSON(http.StatusOK, map[string]string{"error": "id is required"}) // want `error-only body map\[string\]string is sent with explicit status 200; use an error status`
	}
	return ctx.JSON(http.StatusNoContent, nil)
}

func withStatus(ctx khttp.Context) error {
	return ctx.JSON(http.StatusNotFound, map[string]string{"error": "not found"})
}
