// Package fiberhandler500 installs a fiber error handler that answers
// with the code of a *fiber.Error, and with its own 500 for any other
// error, sending the error's text either way (ArtalkJS/Artalk,
// server/common/error.go): the handler is the finding, for the errors
// it answers with its own 500.
package fiberhandler500

import (
	"errors"
	"fmt"

	"github.com/gofiber/fiber/v2"
)

func Routes() *fiber.App {
	return fiber.New(fiber.Config{ErrorHandler: ErrorHandler})
}

func ErrorHandler(ctx *fiber.Ctx, err error) error {
	code := fiber.StatusInternalServerError
	var e *fiber.Error
	if errors.As(err, &e) {
		code = e.Code
	}
	return respError(ctx, code, fmt.Sprintf("Error: %s", err.Error())) // want `error text of err is sent with status 500`
}

func respError(c *fiber.Ctx, code int, msg string) error {
	c.Status(code)
	return c.JSON(fiber.Map{"msg": msg})
}

// OwnHandler sends a text of its own with its 500.
func OwnHandler(ctx *fiber.Ctx, err error) error {
	code := fiber.StatusInternalServerError
	var e *fiber.Error
	if errors.As(err, &e) {
		code = e.Code
		return respError(ctx, code, e.Message)
	}
	return respError(ctx, code, "internal error")
}
