package fiber

import (
	"io"
	"log"
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"
)

var client = &http.Client{}

func fetch(c *fiber.Ctx) (*http.Response, error) {
	req, err := http.NewRequestWithContext(c.UserContext(), http.MethodGet, "http://inventory.internal/items/"+c.Params("id"), nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

func badStatusJSON(c *fiber.Ctx) error {
	resp, err := fetch(c)
	if err != nil {
		return fiber.ErrBadGateway
	}
	defer resp.Body.Close()
	return c.Status(resp.StatusCode).JSON(fiber.Map{"reserved": true}) // want `upstream status resp.StatusCode is forwarded to the client; map it to a status of this service`
}

func badSendStatus(c *fiber.Ctx) error {
	resp, err := fetch(c)
	if err != nil {
		return fiber.ErrBadGateway
	}
	return c.SendStatus(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded to the client; map it`
}

func badStatusThenSend(c *fiber.Ctx) error {
	resp, err := fetch(c)
	if err != nil {
		return fiber.ErrBadGateway
	}
	c.Status(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
	return c.SendString("reserved")
}

func badNewError(c *fiber.Ctx) error {
	resp, err := fetch(c)
	if err != nil {
		return fiber.ErrBadGateway
	}
	if resp.StatusCode >= 400 {
		return fiber.NewError(resp.StatusCode, "inventory failed") // want `upstream status resp.StatusCode is forwarded`
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func badAgent(c *fiber.Ctx) error {
	code, _, errs := fiber.Get("http://inventory.internal/items/" + c.Params("id")).Bytes()
	if len(errs) > 0 {
		return fiber.ErrBadGateway
	}
	return c.Status(code).JSON(fiber.Map{"reserved": true}) // want `upstream status code is forwarded`
}

func badRoute(app *fiber.App) {
	app.Get("/items/:id", func(c *fiber.Ctx) error {
		resp, err := fetch(c)
		if err != nil {
			return fiber.ErrBadGateway
		}
		return c.SendStatus(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
	})
}

// --- correct code ---

func mapStatus(code int) int {
	if code >= 200 && code < 300 {
		return fiber.StatusOK
	}
	return fiber.StatusBadGateway
}

func goodMapped(c *fiber.Ctx) error {
	resp, err := fetch(c)
	if err != nil {
		return fiber.ErrBadGateway
	}
	return c.Status(mapStatus(resp.StatusCode)).JSON(fiber.Map{"reserved": true})
}

func goodDecision(c *fiber.Ctx) error {
	resp, err := fetch(c)
	if err != nil {
		return fiber.NewError(fiber.StatusBadGateway, "inventory unavailable")
	}
	if resp.StatusCode == http.StatusNotFound {
		return fiber.NewError(fiber.StatusBadRequest, "unknown item")
	}
	if resp.StatusCode >= 500 {
		return c.SendStatus(fiber.StatusBadGateway)
	}
	return c.Status(fiber.StatusOK).JSON(fiber.Map{"reserved": true})
}

func goodStatusAsData(c *fiber.Ctx) error {
	resp, err := fetch(c)
	if err != nil {
		return fiber.ErrBadGateway
	}
	log.Printf("inventory answered %d", resp.StatusCode)
	c.Set("X-Upstream-Status", strconv.Itoa(resp.StatusCode))
	return c.JSON(fiber.Map{"upstream_status": resp.StatusCode})
}

func goodProxyStream(c *fiber.Ctx) error {
	resp, err := fetch(c)
	if err != nil {
		return fiber.ErrBadGateway
	}
	c.Status(resp.StatusCode)
	return c.SendStream(resp.Body)
}

func goodProxySend(c *fiber.Ctx) error {
	resp, err := fetch(c)
	if err != nil {
		return fiber.ErrBadGateway
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return fiber.ErrBadGateway
	}
	return c.Status(resp.StatusCode).Send(body)
}

func goodAgentProxy(c *fiber.Ctx) error {
	code, body, errs := fiber.Get("http://inventory.internal/items/" + c.Params("id")).Bytes()
	if len(errs) > 0 {
		return fiber.ErrBadGateway
	}
	return c.Status(code).Send(body)
}
