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
