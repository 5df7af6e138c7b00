// Package fibermoderrs: handlers return the module's own errors, whose
// constructors carry the status (errs.InternalServerError(err.Error())),
// to an installed fiber error handler that writes the error's Code and
// Message: an error's text returned with a 5xx is sent, whatever its
// origin.
package fibermoderrs

import (
	"database/sql"
	"strconv"

	"example.com/errs"
	"github.com/gofiber/fiber/v2"
)

type Service interface {
	Do(id int) error
}

var svc Service

func Routes() *fiber.App {
	app := fiber.New(fiber.Config{ErrorHandler: errorHandler})
	app.Get("/item", getItem)
	return app
}

func errorHandler(c *fiber.Ctx, err error) error {
	if e, ok := err.(*errs.AppError); ok {
		return c.Status(e.Code).JSON(fiber.Map{"error": e.Message})
	}
	return c.Status(fiber.StatusInternalServerError).JSON(fiber.Map{"error": "internal error"})
}

func getItem(c *fiber.Ctx) error {
	id, err := strconv.Atoi(c.Query("id"))
	if err != nil {
		return errs.BadRequest(err.Error()) // the client's input, with 400
	}
	if err := svc.Do(id); err != nil {
		return errs.InternalServerError(err.Error()) // want `error text of err is returned to the error handler errorHandler \(fibermoderrs.go:28\), which sends it with status 500`
	}
	if err := svc.Do(id + 1); err != nil {
		return errs.InternalServerError("could not save") // our own text
	}
	return c.SendStatus(fiber.StatusNoContent)
}

var db *sql.DB

// A dependency error: reported once.
func getUser(c *fiber.Ctx) error {
	var name string
	if err := db.QueryRow("SELECT name FROM users WHERE id = $1", c.Params("id")).Scan(&name); err != nil {
		return errs.InternalServerError(err.Error()) // want `error text of err is returned to the error handler errorHandler \(fibermoderrs.go:28\), which sends it with status 500`
	}
	return c.SendString(name)
}
