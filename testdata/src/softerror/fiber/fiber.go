package fiber

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"
)

var client = &http.Client{}

type ErrorResponse struct {
	Error   string `json:"error"`
	TraceID string `json:"trace_id"`
}

type Item struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func badImplicitJSON(c *fiber.Ctx) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return c.JSON(fiber.Map{"error": "inventory unavailable"}) // want `error-only body .*fiber.*Map is sent with status 200 \(no status written on this path\); write an error status first`
	}
	resp.Body.Close()
	return c.JSON(fiber.Map{"items": []Item{}})
}

func badImplicitStruct(c *fiber.Ctx) error {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		return c.JSON(ErrorResponse{Error: "inventory unavailable", TraceID: c.Get("X-Trace")}) // want `error-only body ErrorResponse is sent with status 200`
	}
	return nil
}

func badExplicit200(c *fiber.Ctx) error {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		return c.Status(fiber.StatusOK).JSON(fiber.Map{"error": err.Error()}) // want `error-only body .*fiber.*Map is sent with explicit status 200; use an error status`
	}
	return nil
}

func badSendString(c *fiber.Ctx) error {
	n, err := strconv.Atoi(c.Query("n"))
	if err != nil {
		return c.SendString(err.Error()) // want `error text is sent with status 200`
	}
	return c.JSON(fiber.Map{"n": n})
}

func badSendConstant(c *fiber.Ctx) error {
	if c.Params("id") == "" {
		return c.Send([]byte("invalid id")) // want `error text "invalid id" is sent with status 200`
	}
	return nil
}

func badOnlySomePaths(c *fiber.Ctx) error {
	_, err := client.Get("http://inventory.internal/items")
	if c.Query("strict") != "" {
		c.Status(fiber.StatusBadGateway)
	}
	if err != nil {
		return c.JSON(fiber.Map{"error": "inventory unavailable"}) // want `error-only body .*fiber.*Map is sent with status 200`
	}
	return nil
}

// --- correct code ---

func goodStatusFirst(c *fiber.Ctx) error {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		return c.Status(fiber.StatusBadGateway).JSON(fiber.Map{"error": "inventory unavailable"})
	}
	return c.JSON(fiber.Map{"items": []Item{}})
}

func goodStatusStatement(c *fiber.Ctx) error {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		c.Status(http.StatusServiceUnavailable)
		return c.SendString("failed to load items")
	}
	return nil
}

func goodNewError(c *fiber.Ctx) error {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		return fiber.NewError(fiber.StatusBadGateway, "failed to load items")
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func goodPartialSuccess(c *fiber.Ctx) error {
	out := fiber.Map{"data": Item{ID: "1"}}
	if _, err := client.Get("http://profile.internal/me"); err != nil {
		out["outages"] = []string{"profile"}
	}
	return c.JSON(out)
}

func goodStatusOK(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"success": true, "message": "created"})
}

func goodData(c *fiber.Ctx) error {
	return c.JSON(Item{ID: "1", Name: "error handling book"})
}

// respondError is a helper, not a handler (its signature is not fiber.Handler): like a
// net/http helper without the *http.Request, its callers may have set
// the status.
func respondError(c *fiber.Ctx, msg string) error {
	return c.JSON(fiber.Map{"error": msg})
}

func goodFiberHelperAfterStatus(c *fiber.Ctx) error {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		c.Status(fiber.StatusBadGateway)
		return respondError(c, "inventory unavailable")
	}
	return nil
}
