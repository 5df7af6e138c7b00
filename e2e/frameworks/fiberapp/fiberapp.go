// Package fiberapp is a fiber service with the defects upstreamlint
// reports and the correct code it must leave alone.
package fiberapp

import (
	"log"
	"net/http"

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

// Routes registers the handlers.
func Routes(app *fiber.App) {
	app.Get("/forward/:id", forward)
	app.Get("/sendstatus/:id", sendStatus)
	app.Get("/agent/:id", agent)
	app.Get("/leak/:id", leakError)
	app.Get("/soft/:id", soft)
	app.Get("/mapped/:id", mapped)
	app.Get("/proxy/:id", proxy)
	app.Post("/parse", parse)
	app.Get("/helper/:id", helperAfterStatus)
	app.Get("/returned/:id", returned)
}

func forward(c *fiber.Ctx) error {
	resp, err := fetch(c)
	if err != nil {
		return fiber.ErrBadGateway
	}
	defer resp.Body.Close()
	return c.Status(resp.StatusCode).JSON(fiber.Map{"reserved": true})
}

func sendStatus(c *fiber.Ctx) error {
	resp, err := fetch(c)
	if err != nil {
		return fiber.ErrBadGateway
	}
	resp.Body.Close()
	return c.SendStatus(resp.StatusCode)
}

func agent(c *fiber.Ctx) error {
	code, _, errs := fiber.Get("http://inventory.internal/items/" + c.Params("id")).Bytes()
	if len(errs) > 0 {
		return fiber.ErrBadGateway
	}
	return c.Status(code).JSON(fiber.Map{"reserved": true})
}

func leakError(c *fiber.Ctx) error {
	resp, err := fetch(c)
	if err != nil {
		return fiber.NewError(fiber.StatusBadGateway, err.Error())
	}
	resp.Body.Close()
	return c.SendStatus(fiber.StatusNoContent)
}

func soft(c *fiber.Ctx) error {
	resp, err := fetch(c)
	if err != nil {
		return c.JSON(fiber.Map{"error": "inventory unavailable"})
	}
	resp.Body.Close()
	return c.SendStatus(fiber.StatusNoContent)
}

// --- correct code ---

func mapped(c *fiber.Ctx) error {
	resp, err := fetch(c)
	if err != nil {
		log.Printf("inventory: %v", err)
		return c.Status(fiber.StatusBadGateway).JSON(fiber.Map{"error": "inventory unavailable"})
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return fiber.NewError(fiber.StatusBadRequest, "unknown item")
	}
	if resp.StatusCode >= 400 {
		return c.SendStatus(fiber.StatusBadGateway)
	}
	return c.JSON(fiber.Map{"upstream_status": resp.StatusCode})
}

func proxy(c *fiber.Ctx) error {
	resp, err := fetch(c)
	if err != nil {
		return fiber.ErrBadGateway
	}
	c.Status(resp.StatusCode)
	return c.SendStream(resp.Body)
}

func parse(c *fiber.Ctx) error {
	var req struct {
		ItemID string `json:"item_id"`
	}
	if err := c.BodyParser(&req); err != nil {
		return fiber.NewError(fiber.StatusBadRequest, err.Error())
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"item_id": req.ItemID})
}

// respondError is a helper, not a handler: its callers set the status.
func respondError(c *fiber.Ctx, msg string) error {
	return c.JSON(fiber.Map{"error": msg})
}

func helperAfterStatus(c *fiber.Ctx) error {
	resp, err := fetch(c)
	if err != nil {
		c.Status(fiber.StatusBadGateway)
		return respondError(c, "inventory unavailable")
	}
	resp.Body.Close()
	return c.SendStatus(fiber.StatusNoContent)
}

// returned hands the dependency error to the app's error handler (main
// installs layeredapp/errs.Handler), which sends err.Error(). Only the
// whole program shows it.
func returned(c *fiber.Ctx) error {
	resp, err := fetch(c)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return c.SendStatus(fiber.StatusNoContent)
}
