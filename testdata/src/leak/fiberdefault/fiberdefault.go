// Package fiberdefault creates a fiber app without an error handler:
// fiber's default sends err.Error() with status 500, so a dependency
// error a handler returns reaches the client.
package fiberdefault

import (
	"database/sql"
	"errors"
	"fmt"
	"net/http"

	"github.com/gofiber/fiber/v2"
)

var (
	db     *sql.DB
	client = &http.Client{}
)

var ErrNoName = errors.New("name is required")

func Routes() *fiber.App {
	app := fiber.New()
	app.Get("/user", getUser)
	app.Get("/fetch", fetch)
	app.Get("/own", own)
	app.Get("/mapped", mapped)
	app.Get("/closure", func(c *fiber.Ctx) error {
		_, err := db.Exec("DELETE FROM sessions")
		return err // want `dependency error err is returned to fiber's default error handler, which sends its text to the client with status 500; log it and return an error with a generic message`
	})
	return app
}

func getUser(c *fiber.Ctx) error {
	var name string
	if err := db.QueryRow("SELECT name FROM users WHERE id = $1", c.Params("id")).Scan(&name); err != nil {
		return fmt.Errorf("get user: %w", err) // want `dependency error fmt.Errorf\("get user: %w", err\) is returned to fiber's default error handler`
	}
	return c.SendString(name)
}

func fetch(c *fiber.Ctx) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return err // want `dependency error err is returned to fiber's default error handler`
	}
	defer resp.Body.Close()
	return c.SendStatus(fiber.StatusNoContent)
}

// own returns our own errors and the errors of its writes: silent.
func own(c *fiber.Ctx) error {
	if c.Query("name") == "" {
		return ErrNoName
	}
	return c.SendString("hello " + c.Query("name"))
}

// mapped answers the failure itself, with a fiber.Error of a generic
// message: silent (the message is NewError's sink, and it is ours).
func mapped(c *fiber.Ctx) error {
	if _, err := db.Exec("UPDATE counters SET n = n + 1"); err != nil {
		return fiber.NewError(fiber.StatusServiceUnavailable, "try again later")
	}
	return c.SendStatus(fiber.StatusNoContent)
}
