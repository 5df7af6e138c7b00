// Package echo5: dependency errors sent by echo v5 handlers.
package echo5

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

var client = &http.Client{}

type order struct{ ID string }

func badString(c *echo.Context) error {
	resp, err := client.Get("http://inventory.internal/items/" + c.Param("id"))
	if err != nil {
		return c.String(http.StatusBadGateway, err.Error()) // want `dependency error err.Error\(\) is sent to the client; log it and send a generic message`
	}
	defer resp.Body.Close()
	return c.NoContent(http.StatusOK)
}

func badHTTPError(c *echo.Context) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, err.Error()) // want `dependency error err.Error\(\) is sent to the client`
	}
	defer resp.Body.Close()
	return c.NoContent(http.StatusOK)
}

// wrapped: Wrap attaches the cause without sending it
func wrapped(c *echo.Context) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return echo.HTTPError{Code: http.StatusBadGateway, Message: "inventory unavailable"}.Wrap(err)
	}
	defer resp.Body.Close()
	return c.NoContent(http.StatusOK)
}

// bound: the client's own input
func bound(c *echo.Context) error {
	var o order
	if err := c.Bind(&o); err != nil {
		return c.String(http.StatusInternalServerError, err.Error())
	}
	if err := echo.BindBody(c, &o); err != nil {
		return c.JSON(http.StatusInternalServerError, map[string]string{"error": err.Error()})
	}
	return c.NoContent(http.StatusOK)
}
