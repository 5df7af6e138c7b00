// Package frameworks: the server-error status rule on gin, echo and
// fiber handlers.
package frameworks

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

type service interface {
	Do(ctx context.Context) error
}

var svc service

func ginHandler(c *gin.Context) {
	var req struct{ Name string }
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // binding: the client's input
		return
	}
	if err := svc.Do(c); err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // want `error text of err is sent with status 500`
		return
	}
	if err := svc.Do(c); err != nil {
		c.JSON(http.StatusConflict, gin.H{"error": err.Error()})
		return
	}
	c.Status(http.StatusNoContent)
}

func echoHandler(c echo.Context) error {
	if err := svc.Do(c.Request().Context()); err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError, err.Error()) // want `error text of err is sent with status 500`
	}
	if err := svc.Do(c.Request().Context()); err != nil {
		return c.JSON(http.StatusBadGateway, map[string]any{"message": "upstream failed", "cause": err}) // want `error text of err is sent with status 502`
	}
	if err := svc.Do(c.Request().Context()); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, err.Error())
	}
	return c.NoContent(http.StatusOK)
}

func fiberHandler(c *fiber.Ctx) error {
	if err := svc.Do(c.UserContext()); err != nil {
		return c.Status(fiber.StatusInternalServerError).JSON(fiber.Map{"error": err.Error()}) // want `error text of err is sent with status 500`
	}
	if err := svc.Do(c.UserContext()); err != nil {
		return fiber.NewError(fiber.StatusServiceUnavailable, err.Error()) // want `error text of err is sent with status 503`
	}
	var body struct{ N int }
	if err := c.BodyParser(&body); err != nil {
		return fiber.NewError(fiber.StatusInternalServerError, err.Error())
	}
	return c.SendStatus(fiber.StatusOK)
}
