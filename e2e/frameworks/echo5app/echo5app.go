// Package echo5app has handlers written against the real echo v5 module:
// *echo.Context is a struct, and the error handler takes it first.
package echo5app

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

var client = &http.Client{}

// New creates the app with an error handler that sends the error's text.
func New() *echo.Echo {
	e := echo.NewWithConfig(echo.Config{HTTPErrorHandler: errorHandler})
	e.GET("/echo5/status", forwardStatus)
	e.GET("/echo5/leak", leakText)
	e.GET("/echo5/soft", soft)
	e.GET("/echo5/returned", returned)
	e.GET("/echo5/mapped", mapped)
	return e
}

func errorHandler(c *echo.Context, err error) {
	_ = c.JSON(http.StatusBadRequest, map[string]string{"error": err.Error()})
}

func forwardStatus(c *echo.Context) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, "inventory unavailable")
	}
	defer resp.Body.Close()
	return c.JSON(resp.StatusCode, map[string]bool{"ok": true})
}

func leakText(c *echo.Context) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return c.String(http.StatusBadGateway, err.Error())
	}
	defer resp.Body.Close()
	return c.NoContent(http.StatusOK)
}

func soft(c *echo.Context) error {
	if c.QueryParam("id") == "" {
		return c.JSON(http.StatusOK, map[string]string{"error": "id is required"})
	}
	return c.NoContent(http.StatusNoContent)
}

func returned(c *echo.Context) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return c.NoContent(http.StatusOK)
}

type item struct{ ID string }

// mapped answers with statuses of its own, and the client's bind error.
func mapped(c *echo.Context) error {
	var it item
	if err := c.Bind(&it); err != nil {
		return c.String(http.StatusInternalServerError, err.Error())
	}
	resp, err := client.Get("http://inventory.internal/items/" + it.ID)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, "inventory unavailable")
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 {
		return c.NoContent(http.StatusBadGateway)
	}
	return c.NoContent(http.StatusOK)
}
