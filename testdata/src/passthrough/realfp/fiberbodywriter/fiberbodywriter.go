// Package fiberbodywriter reproduces FP-7 of the corpus: a fiber route
// copies the upstream body into the fasthttp response body writer
// (c.Response().BodyWriter()), which was not known to answer the client.
// Forwarding the status and the body of one response, on one path, is a
// proxy's contract: silent. But the route of FP-7 itself relays the body
// on success only and answers a failure with the upstream status and a
// message of its own: that path does not proxy, it passes the status
// through (issue 12 turned this case from silent to reported).
package fiberbodywriter

import (
	"io"
	"net/http"

	"github.com/gofiber/fiber/v2"
)

var client = http.Client{}

func product(c *fiber.Ctx) error {
	resp, err := client.Get("http://catalog.internal/products/1")
	if err != nil {
		return c.Status(fiber.StatusBadGateway).JSON(fiber.Map{"error": "catalog unavailable"})
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return c.Status(resp.StatusCode).JSON(fiber.Map{"error": "catalog said no"}) // want `upstream status resp.StatusCode is forwarded to the client`
	}
	if _, err := io.Copy(c.Response().BodyWriter(), resp.Body); err != nil {
		return c.SendStatus(fiber.StatusBadGateway)
	}
	return nil
}

// The context itself is an io.Writer into the response body.
func productCtxWriter(c *fiber.Ctx) error {
	resp, err := client.Get("http://catalog.internal/products/1")
	if err != nil {
		return c.SendStatus(fiber.StatusBadGateway)
	}
	defer resp.Body.Close()
	c.Status(resp.StatusCode) // silent: proxy
	_, err = io.Copy(c, resp.Body)
	return err
}

// The body writer and the status on one path: a proxy.
func productRelay(c *fiber.Ctx) error {
	resp, err := client.Get("http://catalog.internal/products/1")
	if err != nil {
		return c.SendStatus(fiber.StatusBadGateway)
	}
	defer resp.Body.Close()
	c.Status(resp.StatusCode) // silent: proxy
	_, err = io.Copy(c.Response().BodyWriter(), resp.Body)
	return err
}

// --- still reported ---

// The upstream body is drained, not sent to the client: only the status
// is forwarded.
func productStatusOnly(c *fiber.Ctx) error {
	resp, err := client.Get("http://catalog.internal/products/1")
	if err != nil {
		return c.SendStatus(fiber.StatusBadGateway)
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	return c.SendStatus(resp.StatusCode) // want `upstream status resp.StatusCode`
}
