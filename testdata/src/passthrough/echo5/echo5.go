// Package echo5: echo v5 handlers take *echo.Context (a struct now).
package echo5

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

var client = &http.Client{}

func fetch(c *echo.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(c.Request().Context(), http.MethodGet, "http://inventory.internal/items/"+c.Param("id"), nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

func badJSON(c *echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, "inventory unavailable")
	}
	defer resp.Body.Close()
	return c.JSON(resp.StatusCode, map[string]bool{"reserved": true}) // want `upstream status resp.StatusCode is forwarded to the client; map it to a status of this service`
}

func badNewHTTPError(c *echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return echo.NewHTTPError(resp.StatusCode, "inventory failed") // want `upstream status resp.StatusCode is forwarded`
	}
	return c.NoContent(http.StatusNoContent)
}

func badResponseWriter(c *echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return err
	}
	c.Response().WriteHeader(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
	return nil
}

// mapped: a status of this service
func mapped(c *echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return err
	}
	if resp.StatusCode >= 500 {
		return c.NoContent(http.StatusBadGateway)
	}
	return c.NoContent(http.StatusOK)
}
