// Package fiber3default: an app with fiber v3's default error handler,
// which sends err.Error() with status 500.
package fiber3default

import (
	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/client"
)

func setup() *fiber.App {
	app := fiber.New()
	app.Get("/items", items)
	return app
}

func items(c fiber.Ctx) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return err // want `dependency error err is returned to fiber's default error handler, which sends its text to the client with status 500`
	}
	return c.JSON(fiber.Map{"status": resp.StatusCode() == fiber.StatusOK})
}

// With the default handler, a fiber.Error's message is sent.
func badNewError(c fiber.Ctx) error {
	_, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return fiber.NewError(fiber.StatusBadGateway, err.Error()) // want `dependency error err.Error\(\) is sent to the client`
	}
	return c.SendStatus(fiber.StatusOK)
}
