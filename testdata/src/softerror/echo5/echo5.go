// Package echo5: an error answered with 200 by echo v5 handlers.
package echo5

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

func explicit200(c *echo.Context) error {
	if c.Param("id") == "" {
		return c.JSON(http.StatusOK, map[string]string{"error": "id is required"}) // want `error-only body map\[string\]string is sent with explicit status 200; use an error status`
	}
	return c.NoContent(http.StatusNoContent)
}

func envelope(c *echo.Context) error {
	return c.JSON(http.StatusOK, map[string]any{"success": false, "message": "not found"}) // want `failure envelope map\[string\]any \(success: false\) is sent with explicit status 200`
}

func withStatus(c *echo.Context) error {
	return c.JSON(http.StatusNotFound, map[string]string{"error": "not found"})
}

func setup() {
	e := echo.New()
	e.HTTPErrorHandler = func(c *echo.Context, err error) {
		_ = c.JSON(http.StatusOK, map[string]string{"error": err.Error()}) // want `error-only body map\[string\]string is sent with explicit status 200`
	}
}
