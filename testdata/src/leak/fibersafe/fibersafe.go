// Package fibersafe installs an error handler that logs the error and
// sends a generic message: returning dependency errors is then right.
package fibersafe

import (
	"database/sql"
	"log"

	"github.com/gofiber/fiber/v2"
)

var db *sql.DB

func Routes() *fiber.App {
	app := fiber.New(fiber.Config{
		ErrorHandler: func(c *fiber.Ctx, err error) error {
			log.Printf("request failed: %v", err)
			return c.Status(fiber.StatusInternalServerError).JSON(fiber.Map{"error": "internal error"})
		},
	})
	app.Get("/user", getUser)
	return app
}

func getUser(c *fiber.Ctx) error {
	var name string
	if err := db.QueryRow("SELECT name FROM users WHERE id = $1", c.Params("id")).Scan(&name); err != nil {
		return err
	}
	return c.SendString(name)
}
