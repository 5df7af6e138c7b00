// Package echoapp is an echo service with the defects upstreamlint
// reports and the correct code it must leave alone.
package echoapp

import (
	"fmt"
	"log"
	"net/http"

	"github.com/labstack/echo/v4"
)

var client = &http.Client{}

func fetch(c echo.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(c.Request().Context(), http.MethodGet, "http://inventory.internal/items/"+c.Param("id"), nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

// Routes registers the handlers.
func Routes(e *echo.Echo) {
	e.GET("/forward/:id", forward)
	e.GET("/httperror/:id", httpError)
	e.GET("/leak/:id", leakError)
	e.GET("/soft/:id", soft)
	e.GET("/internal/:id", internalError)
	e.GET("/returned/:id", returned)
	e.GET("/proxy/:id", proxy)
	e.POST("/bind", bind)
}

func forward(c echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, "inventory unavailable")
	}
	defer resp.Body.Close()
	return c.JSON(resp.StatusCode, echo.Map{"reserved": true})
}

func httpError(c echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return echo.ErrBadGateway
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return echo.NewHTTPError(resp.StatusCode, "inventory failed")
	}
	return c.NoContent(http.StatusNoContent)
}

func leakError(c echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, err.Error())
	}
	resp.Body.Close()
	return c.NoContent(http.StatusNoContent)
}

func soft(c echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return c.JSON(http.StatusOK, map[string]string{"error": "inventory unavailable"})
	}
	resp.Body.Close()
	return c.NoContent(http.StatusNoContent)
}

// --- correct code ---

func internalError(c echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, "inventory unavailable").SetInternal(err)
	}
	resp.Body.Close()
	return c.NoContent(http.StatusNoContent)
}

func returned(c echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		// echo's error handler answers a plain error with a generic 500.
		return fmt.Errorf("inventory: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return echo.NewHTTPError(http.StatusBadRequest, "unknown item")
	}
	log.Printf("inventory answered %d", resp.StatusCode)
	return c.JSON(http.StatusOK, echo.Map{"upstream_status": resp.StatusCode})
}

func proxy(c echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return echo.ErrBadGateway.WithInternal(err)
	}
	defer resp.Body.Close()
	return c.Stream(resp.StatusCode, resp.Header.Get(echo.HeaderContentType), resp.Body)
}

func bind(c echo.Context) error {
	var req struct {
		ItemID string `json:"item_id"`
	}
	if err := c.Bind(&req); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, err.Error())
	}
	return c.JSON(http.StatusCreated, echo.Map{"item_id": req.ItemID})
}
