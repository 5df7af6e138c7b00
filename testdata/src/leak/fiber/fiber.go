package fiber

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"
)

var client = &http.Client{}

var ErrSoldOut = errors.New("item sold out")

func badNewError(c *fiber.Ctx) error {
	resp, err := client.Get("http://billing.internal:8080/v1/charge?token=s3cr3t")
	if err != nil {
		return fiber.NewError(fiber.StatusBadGateway, err.Error()) // want `dependency error err.Error\(\) is sent to the client; log it and send a generic message`
	}
	resp.Body.Close()
	return c.SendStatus(fiber.StatusNoContent)
}

func badStatusJSON(c *fiber.Ctx) error {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		return c.Status(fiber.StatusBadGateway).JSON(fiber.Map{"error": err.Error()}) // want `dependency error err.Error\(\) is sent`
	}
	return nil
}

func badSendString(c *fiber.Ctx) error {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		c.Status(fiber.StatusBadGateway)
		return c.SendString("users: " + err.Error()) // want `dependency error "users: " \+ err.Error\(\) is sent`
	}
	return nil
}

func badSend(c *fiber.Ctx) error {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		return c.Status(fiber.StatusBadGateway).Send([]byte(err.Error())) // want `dependency error err.Error\(\) is sent`
	}
	return nil
}

func badWriteString(c *fiber.Ctx) error {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		c.Status(fiber.StatusBadGateway)
		_, werr := c.WriteString(err.Error()) // want `dependency error err.Error\(\) is sent`
		return werr
	}
	return nil
}

func badAgentErrors(c *fiber.Ctx) error {
	_, _, errs := fiber.Get("http://users.internal/me").Bytes()
	if len(errs) > 0 {
		return c.Status(fiber.StatusBadGateway).SendString(errs[0].Error()) // want `dependency error errs\[0\].Error\(\) is sent`
	}
	return nil
}

func badUpstreamErrorBody(c *fiber.Ctx) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return fiber.ErrBadGateway
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 400 {
		return c.Status(fiber.StatusBadGateway).Send(body) // want `upstream error body body is sent to the client; answer with a message of this service`
	}
	return c.Send(body)
}

// --- correct code ---

func goodLogged(c *fiber.Ctx) error {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		log.Printf("billing: %v", err)
		return fiber.NewError(fiber.StatusBadGateway, "billing unavailable")
	}
	return nil
}

func goodBodyParser(c *fiber.Ctx) error {
	var req struct {
		ItemID string `json:"item_id"`
	}
	if err := c.BodyParser(&req); err != nil {
		return fiber.NewError(fiber.StatusBadRequest, err.Error())
	}
	n, err := strconv.Atoi(c.Query("n"))
	if err != nil {
		return c.Status(fiber.StatusBadRequest).SendString("bad n: " + err.Error())
	}
	return c.JSON(fiber.Map{"item_id": req.ItemID, "n": n})
}

func goodSentinel(c *fiber.Ctx) error {
	err := reserve(c.Params("id"))
	if errors.Is(err, ErrSoldOut) {
		return fiber.NewError(fiber.StatusConflict, err.Error())
	}
	if err != nil {
		return fiber.ErrBadGateway
	}
	return nil
}

func reserve(id string) error {
	resp, err := client.Get("http://inventory.internal/reserve/" + id)
	if err != nil {
		return fmt.Errorf("inventory: %w", err)
	}
	resp.Body.Close()
	return nil
}

func goodSuccessBody(c *fiber.Ctx) error {
	resp, err := client.Get("http://catalog.internal/items")
	if err != nil {
		return fiber.ErrBadGateway
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		return c.SendStream(resp.Body)
	}
	return fiber.ErrBadGateway
}
