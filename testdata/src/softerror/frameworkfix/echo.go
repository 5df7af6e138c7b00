package frameworkfix

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

func badEchoExplicit200(c echo.Context) error {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		return c.JSON(http.StatusOK, echo.Map{"error": "inventory unavailable"}) // want `is sent with explicit status 200`
	}
	return nil
}

func badEchoImplicit(c echo.Context) error {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		_, werr := c.Response().Write([]byte("failed to load items")) // want `is sent with status 200`
		return werr
	}
	return nil
}
