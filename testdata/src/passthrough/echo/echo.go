package echo

import (
	"io"
	"log"
	"net/http"

	"github.com/labstack/echo/v4"
)

var client = &http.Client{}

func fetch(c echo.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(c.Request().Context(), http.MethodGet, "http://inventory.internal/items/"+c.Param("id"), nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

func badJSON(c echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, "inventory unavailable")
	}
	defer resp.Body.Close()
	return c.JSON(resp.StatusCode, map[string]bool{"reserved": true}) // want `upstream status resp.StatusCode is forwarded to the client; map it to a status of this service`
}

func badNewHTTPError(c echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return echo.NewHTTPError(resp.StatusCode, "inventory failed") // want `upstream status resp.StatusCode is forwarded to the client; map it`
	}
	return c.NoContent(http.StatusNoContent)
}

func badNoContent(c echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return err
	}
	return c.NoContent(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
}

func badOtherRenderers(c echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return err
	}
	switch c.QueryParam("format") {
	case "text":
		return c.String(resp.StatusCode, "reserved") // want `upstream status resp.StatusCode is forwarded`
	case "html":
		return c.HTML(resp.StatusCode, "<p>reserved</p>") // want `upstream status resp.StatusCode is forwarded`
	case "xml":
		return c.XML(resp.StatusCode, map[string]bool{"reserved": true}) // want `upstream status resp.StatusCode is forwarded`
	default:
		return c.Blob(resp.StatusCode, echo.MIMEApplicationJSON, []byte(`{"reserved":true}`)) // want `upstream status resp.StatusCode is forwarded`
	}
}

func badResponseWriteHeader(c echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return err
	}
	c.Response().WriteHeader(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
	_, err = c.Response().Write([]byte("reserved"))
	return err
}

func badMapEcho(e *echo.Echo) {
	e.GET("/items/:id", func(c echo.Context) error {
		resp, err := fetch(c)
		if err != nil {
			return err
		}
		return c.JSON(resp.StatusCode, echo.Map{"reserved": true}) // want `upstream status resp.StatusCode is forwarded`
	})
}

// --- correct code ---

func mapStatus(code int) int {
	if code >= 200 && code < 300 {
		return http.StatusOK
	}
	return http.StatusBadGateway
}

func goodMapped(c echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return err
	}
	if resp.StatusCode >= 400 {
		return echo.NewHTTPError(mapStatus(resp.StatusCode), "inventory failed")
	}
	return c.JSON(mapStatus(resp.StatusCode), map[string]bool{"reserved": true})
}

func goodDecision(c echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway).SetInternal(err)
	}
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return echo.NewHTTPError(http.StatusBadRequest, "unknown item")
	case resp.StatusCode >= 400:
		return echo.ErrBadGateway
	}
	return c.NoContent(http.StatusNoContent)
}

func goodStatusAsData(c echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return err
	}
	log.Printf("inventory answered %d", resp.StatusCode)
	return c.JSON(http.StatusOK, echo.Map{"upstream_status": resp.StatusCode})
}

func goodProxyStream(c echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return c.Stream(resp.StatusCode, resp.Header.Get("Content-Type"), resp.Body)
}

func goodProxyBlob(c echo.Context) error {
	resp, err := fetch(c)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return c.Blob(resp.StatusCode, resp.Header.Get("Content-Type"), body)
}
