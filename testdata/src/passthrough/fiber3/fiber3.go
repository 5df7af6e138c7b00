// Package fiber3: fiber v3 handlers take the fiber.Ctx interface.
package fiber3

import (
	"net/http"

	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/client"
)

var hc = &http.Client{}

func badStatus(c fiber.Ctx) error {
	resp, err := hc.Get("http://inventory.internal/items/" + c.Params("id"))
	if err != nil {
		return fiber.NewError(fiber.StatusBadGateway, "inventory unavailable")
	}
	defer resp.Body.Close()
	return c.Status(resp.StatusCode).JSON(fiber.Map{"ok": true}) // want `upstream status resp.StatusCode is forwarded to the client; map it to a status of this service`
}

func badSendStatus(c fiber.Ctx) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return fiber.NewError(fiber.StatusBadGateway, "inventory unavailable")
	}
	return c.SendStatus(resp.StatusCode()) // want `upstream status resp.StatusCode\(\) is forwarded`
}

func badNewError(c fiber.Ctx) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return err
	}
	if resp.StatusCode() != fiber.StatusOK {
		return fiber.NewError(resp.StatusCode(), "inventory failed") // want `upstream status resp.StatusCode\(\) is forwarded`
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// mapped: a status of this service
func mapped(c fiber.Ctx) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return err
	}
	if resp.StatusCode() >= 500 {
		return c.SendStatus(fiber.StatusBadGateway)
	}
	return c.SendStatus(fiber.StatusOK)
}
