// Package errs is the fiber error handler main installs for the fiber
// app: it answers every error with its text and no status, so 200.
package errs

import "github.com/gofiber/fiber/v2"

func Handler(c *fiber.Ctx, err error) error {
	return c.JSON(fiber.Map{"error": err.Error()})
}
