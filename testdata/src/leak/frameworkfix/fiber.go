package frameworkfix

import (
	"log"

	"github.com/gofiber/fiber/v2"
)

func badFiberNewError(c *fiber.Ctx) error {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		log.Printf("billing: %v", err)
		return fiber.NewError(fiber.StatusBadGateway, err.Error()) // want `dependency error err.Error\(\) is sent`
	}
	return nil
}

// The status is set by the call the write is chained on: the fix reads it there.
func badFiberChained(c *fiber.Ctx) error {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		return c.Status(fiber.StatusBadGateway).JSON(fiber.Map{"error": true, "msg": err.Error()}) // want `dependency error err.Error\(\) is sent`
	}
	return nil
}

// A status set by an earlier call that runs on every path to the write is
// the status sent: the fix names it.
func badFiberNotChained(c *fiber.Ctx) error {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		c.Status(fiber.StatusBadGateway)
		return c.JSON(fiber.Map{"msg": err.Error()}) // want `dependency error err.Error\(\) is sent`
	}
	return nil
}
