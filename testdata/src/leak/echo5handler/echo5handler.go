// Package echo5handler: echo v5's HTTPErrorHandler takes the context
// first. One that sends the error's text makes a returned dependency
// error a leak.
package echo5handler

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

var client = &http.Client{}

func setup() *echo.Echo {
	e := echo.NewWithConfig(echo.Config{HTTPErrorHandler: errorHandler})
	e.GET("/items", items)
	return e
}

func errorHandler(c *echo.Context, err error) {
	_ = c.JSON(http.StatusBadRequest, map[string]string{"error": err.Error()})
}

func items(c *echo.Context) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return err // want `dependency error err is returned to the error handler errorHandler \(echo5handler.go:20\), which sends its text to the client`
	}
	defer resp.Body.Close()
	return c.NoContent(http.StatusOK)
}
