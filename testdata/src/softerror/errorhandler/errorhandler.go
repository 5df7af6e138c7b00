// Package errorhandler: a framework's error handler answers the request
// itself; one that writes an error-only body with no status on a path
// answers 200.
package errorhandler

import (
	"github.com/gofiber/fiber/v2"
)

func newApp() *fiber.App {
	return fiber.New(fiber.Config{
		ErrorHandler: func(c *fiber.Ctx, err error) error {
			return c.JSON(fiber.Map{"error": err.Error()}) // want `error-only body fiber.Map is sent with status 200 \(no status written on this path\); write an error status first`
		},
	})
}

// withStatus sets one: silent.
func withStatus(c *fiber.Ctx, err error) error {
	code := fiber.StatusInternalServerError
	if e, ok := err.(*fiber.Error); ok {
		code = e.Code
	}
	return c.Status(code).JSON(fiber.Map{"error": err.Error()})
}

// envelope is installed too, and answers with a failure envelope.
func envelope(c *fiber.Ctx, err error) error {
	return c.JSON(fiber.Map{"success": false, "message": err.Error()}) // want `failure envelope fiber.Map \(success: false\) is sent with status 200 \(no status written on this path\)`
}

// respond has the same signature but is not installed: its callers may
// set the status first.
func respond(c *fiber.Ctx, err error) error {
	return c.JSON(fiber.Map{"error": err.Error()})
}

func apps() []*fiber.App {
	return []*fiber.App{
		newApp(),
		fiber.New(fiber.Config{ErrorHandler: withStatus}),
		fiber.New(fiber.Config{ErrorHandler: envelope}),
	}
}

func handler(c *fiber.Ctx) error {
	return c.Status(fiber.StatusBadRequest).JSON(fiber.Map{"x": respond(c, nil)})
}
