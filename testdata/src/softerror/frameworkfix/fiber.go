package frameworkfix

import (
	"github.com/gofiber/fiber/v2"
)

func badFiberImplicit(c *fiber.Ctx) error {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		return c.JSON(fiber.Map{"error": "inventory unavailable"}) // want `is sent with status 200`
	}
	return nil
}

func badFiberExplicit200(c *fiber.Ctx) error {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		return c.Status(fiber.StatusOK).JSON(fiber.Map{"error": "inventory unavailable"}) // want `is sent with explicit status 200`
	}
	return nil
}
