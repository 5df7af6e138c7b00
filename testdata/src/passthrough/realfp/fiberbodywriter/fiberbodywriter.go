// Package fiberbodywriter reproduces FP-7 of the corpus: a fiber route
// that proxies one upstream resource copies the upstream body into the
// fasthttp response body writer (c.Response().BodyWriter()) and forwards
// the upstream status when it is not 200. Forwarding the status and the
// body of one response is a proxy's contract: silent. The writer was not
// known to answer the client, so the body forwarding went unseen.
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
		return c.Status(resp.StatusCode).JSON(fiber.Map{"error": "catalog said no"}) // silent: proxy
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
