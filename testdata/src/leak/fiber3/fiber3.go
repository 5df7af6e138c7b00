// Package fiber3: dependency errors sent by fiber v3 handlers.
package fiber3

import (
	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/client"
)

type order struct{ ID string }

func newApp() *fiber.App {
	return fiber.New(fiber.Config{ErrorHandler: func(c fiber.Ctx, err error) error {
		return c.Status(fiber.StatusInternalServerError).SendString("internal error")
	}})
}

func badSendString(c fiber.Ctx) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return c.Status(fiber.StatusBadGateway).SendString(err.Error()) // want `dependency error err.Error\(\) is sent to the client; log it and send a generic message`
	}
	return c.Send(resp.Body()) // the upstream answer, forwarded whole: a proxy
}

// goodNewError: the handler newApp installs answers every error with a
// text of its own, so the message of a fiber.Error never reaches the
// client (fiber3default has the default handler, which sends it).
func goodNewError(c fiber.Ctx) error {
	_, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return fiber.NewError(fiber.StatusBadGateway, err.Error())
	}
	return c.SendStatus(fiber.StatusOK)
}

// bound: the client's own input; returned: the installed handler sends
// a text of its own
func bound(c fiber.Ctx) error {
	var o order
	if err := c.Bind().Body(&o); err != nil {
		return c.Status(fiber.StatusInternalServerError).JSON(fiber.Map{"error": err.Error()})
	}
	if _, err := client.Get("http://inventory.internal/items/" + o.ID); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusOK)
}
