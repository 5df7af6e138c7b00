// Package fiberhandler installs an error handler that sends the error's
// text, with its own 500 for every error that is not fiber's: the
// handler is the finding, once, where the fix belongs, and the handlers
// returning dependency errors to it are not reported again.
package fiberhandler

import (
	"database/sql"

	"github.com/gofiber/fiber/v2"
)

var db *sql.DB

func Routes() *fiber.App {
	app := fiber.New(fiber.Config{ErrorHandler: errorHandler})
	app.Get("/user", getUser)
	return app
}

func errorHandler(c *fiber.Ctx, err error) error {
	code := fiber.StatusInternalServerError
	if e, ok := err.(*fiber.Error); ok {
		code = e.Code
	}
	return c.Status(code).JSON(fiber.Map{"error": err.Error()}) // want `error text of err is sent with status 500; internal errors carry details`
}

func getUser(c *fiber.Ctx) error {
	var name string
	if err := db.QueryRow("SELECT name FROM users WHERE id = $1", c.Params("id")).Scan(&name); err != nil {
		return err // the handler's finding
	}
	return c.SendString(name)
}
