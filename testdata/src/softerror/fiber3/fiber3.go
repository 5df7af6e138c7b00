// Package fiber3: fiber v3 answers 200 unless a status is set.
package fiber3

import "github.com/gofiber/fiber/v3"

func noStatus(c fiber.Ctx) error {
	if c.Params("id") == "" {
		return c.JSON(fiber.Map{"error": "id is required"}) // want `error-only body fiber.Map is sent with status 200 \(no status written on this path\); write an error status first`
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func withStatus(c fiber.Ctx) error {
	return c.Status(fiber.StatusNotFound).JSON(fiber.Map{"error": "not found"})
}

func newApp() *fiber.App {
	return fiber.New(fiber.Config{ErrorHandler: func(c fiber.Ctx, err error) error {
		return c.JSON(fiber.Map{"success": false, "message": err.Error()}) // want `failure envelope fiber.Map \(success: false\) is sent with status 200 \(no status written on this path\)`
	}})
}
