// Package fibernoapp declares handlers but creates no app: which error
// handler answers them is decided elsewhere (main). A per-package host
// cannot see it and stays silent.
package fibernoapp

import (
	"database/sql"

	"github.com/gofiber/fiber/v2"
)

var db *sql.DB

func GetUser(c *fiber.Ctx) error {
	var name string
	if err := db.QueryRow("SELECT name FROM users WHERE id = $1", c.Params("id")).Scan(&name); err != nil {
		return err
	}
	return c.SendString(name)
}
