// Package fiber3app has handlers written against the real fiber v3
// module: fiber.Ctx is an interface, binding is c.Bind().Body, and the
// HTTP client is the client package.
package fiber3app

import (
	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/client"
)

// New creates the app with fiber's default error handler.
func New() *fiber.App {
	app := fiber.New()
	app.Get("/fiber3/status", forwardStatus)
	app.Get("/fiber3/leak", leakText)
	app.Get("/fiber3/soft", soft)
	app.Get("/fiber3/returned", returned)
	app.Get("/fiber3/mapped", mapped)
	return app
}

func forwardStatus(c fiber.Ctx) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return fiber.NewError(fiber.StatusBadGateway, "inventory unavailable")
	}
	return c.SendStatus(resp.StatusCode())
}

func leakText(c fiber.Ctx) error {
	_, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return c.Status(fiber.StatusBadGateway).SendString(err.Error())
	}
	return c.SendStatus(fiber.StatusOK)
}

func soft(c fiber.Ctx) error {
	if c.Query("id") == "" {
		return c.JSON(fiber.Map{"error": "id is required"})
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// returned goes to fiber's default handler, which sends err.Error().
func returned(c fiber.Ctx) error {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusOK)
}

type item struct{ ID string }

// mapped answers with statuses of its own, and the client's bind error
// (a 400 the default handler sends is the client's own).
func mapped(c fiber.Ctx) error {
	var it item
	if err := c.Bind().Body(&it); err != nil {
		return c.Status(fiber.StatusInternalServerError).SendString(err.Error())
	}
	resp, err := client.Get("http://inventory.internal/items/" + it.ID)
	if err != nil {
		return fiber.NewError(fiber.StatusBadGateway, "inventory unavailable")
	}
	if resp.StatusCode() >= 500 {
		return c.SendStatus(fiber.StatusBadGateway)
	}
	return c.SendStatus(fiber.StatusOK)
}
