package echo

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
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

func badExplicit200(c echo.Context) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return c.JSON(http.StatusOK, map[string]string{"error": "inventory unavailable"}) // want `error-only body map\[string\]string is sent with explicit status 200; use an error status`
	}
	resp.Body.Close()
	return c.JSON(http.StatusOK, echo.Map{"items": []Item{}})
}

func badMap200(c echo.Context) error {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		return c.JSON(http.StatusOK, echo.Map{"error": "inventory unavailable", "code": 42}) // want `error-only body .*echo.*Map is sent with explicit status 200`
	}
	return nil
}

func badStruct200(c echo.Context) error {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		return c.JSONPretty(http.StatusOK, &ErrorResponse{Error: err.Error()}, "  ") // want `error-only body ErrorResponse is sent with explicit status 200`
	}
	return nil
}

func badString200(c echo.Context) error {
	n, err := strconv.Atoi(c.QueryParam("n"))
	if err != nil {
		return c.String(http.StatusOK, "invalid n: "+err.Error()) // want `error text "invalid n: …" is sent with explicit status 200`
	}
	return c.JSON(http.StatusOK, echo.Map{"n": n})
}

func badImplicitResponse(c echo.Context) error {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		_, werr := c.Response().Write([]byte("failed to load items")) // want `error text "failed to load items" is sent with status 200 \(no status written on this path\); write an error status first`
		return werr
	}
	return nil
}

// --- correct code ---

func goodErrorStatus(c echo.Context) error {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		return c.JSON(http.StatusBadGateway, echo.Map{"error": "inventory unavailable"})
	}
	return c.JSON(http.StatusOK, echo.Map{"items": []Item{}})
}

func goodHTTPError(c echo.Context) error {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, "failed to load items")
	}
	return c.NoContent(http.StatusNoContent)
}

func goodResponseStatusFirst(c echo.Context) error {
	if _, err := client.Get("http://inventory.internal/items"); err != nil {
		c.Response().WriteHeader(http.StatusBadGateway)
		_, werr := c.Response().Write([]byte("failed to load items"))
		return werr
	}
	return nil
}

func goodPartialSuccess(c echo.Context) error {
	out := echo.Map{"data": Item{ID: "1"}}
	if _, err := client.Get("http://profile.internal/me"); err != nil {
		out["errors"] = []string{"profile: timeout"}
	}
	return c.JSON(http.StatusOK, out)
}

func goodStatusOK(c echo.Context) error {
	return c.JSON(http.StatusOK, echo.Map{"status": "ok"})
}
