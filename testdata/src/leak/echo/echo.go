package echo

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"runtime/debug"
	"strconv"

	"github.com/labstack/echo/v4"
)

var client = &http.Client{}

var ErrSoldOut = errors.New("item sold out")

func badNewHTTPError(c echo.Context) error {
	resp, err := client.Get("http://billing.internal:8080/v1/charge?token=s3cr3t")
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, err.Error()) // want `dependency error err.Error\(\) is sent to the client; log it and send a generic message`
	}
	resp.Body.Close()
	return c.NoContent(http.StatusNoContent)
}

func badNewHTTPErrorValue(c echo.Context) error {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, err) // want `dependency error err is sent`
	}
	return nil
}

func badNewHTTPErrorSprintf(c echo.Context) error {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, fmt.Sprintf("users: %v", err)) // want `dependency error fmt.Sprintf\("users: %v", err\) is sent`
	}
	return nil
}

func badJSON(c echo.Context) error {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		return c.JSON(http.StatusBadGateway, map[string]string{"error": err.Error()}) // want `dependency error err.Error\(\) is sent`
	}
	return c.NoContent(http.StatusNoContent)
}

func badString(c echo.Context) error {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		return c.String(http.StatusBadGateway, "users: "+err.Error()) // want `dependency error "users: " \+ err.Error\(\) is sent`
	}
	return nil
}

func badResponseWrite(c echo.Context) error {
	_, err := client.Get("http://users.internal/me")
	if err != nil {
		c.Response().WriteHeader(http.StatusBadGateway)
		_, werr := c.Response().Write([]byte(err.Error())) // want `dependency error err.Error\(\) is sent`
		return werr
	}
	return nil
}

func badStack(c echo.Context) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = c.Blob(http.StatusInternalServerError, echo.MIMETextPlain, debug.Stack()) // want `stack trace debug.Stack\(\) is sent to the client; log it instead`
		}
	}()
	return nil
}

func badUpstreamErrorBody(c echo.Context) error {
	resp, err := client.Get("http://inventory.internal/items")
	if err != nil {
		return echo.ErrBadGateway
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return c.Stream(http.StatusBadGateway, echo.MIMEApplicationJSON, resp.Body) // want `upstream error body resp.Body is sent to the client; answer with a message of this service`
	}
	return c.Stream(http.StatusOK, echo.MIMEApplicationJSON, resp.Body)
}

// --- correct code ---

func goodSetInternal(c echo.Context) error {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway).SetInternal(err)
	}
	return nil
}

func goodWithInternal(c echo.Context) error {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		return echo.ErrBadGateway.WithInternal(err)
	}
	return nil
}

func goodMessageAndInternal(c echo.Context) error {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, "billing unavailable").SetInternal(err)
	}
	return nil
}

func goodReturned(c echo.Context) error {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		// echo's error handler answers a plain error with a generic 500.
		return err
	}
	return nil
}

func goodReturnedWrapped(c echo.Context) error {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		return fmt.Errorf("billing: %w", err)
	}
	return nil
}

func goodBindError(c echo.Context) error {
	var req struct {
		ItemID string `json:"item_id"`
	}
	if err := c.Bind(&req); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, err.Error())
	}
	n, err := strconv.Atoi(c.QueryParam("n"))
	if err != nil {
		return c.String(http.StatusBadRequest, "bad n: "+err.Error())
	}
	return c.JSON(http.StatusOK, echo.Map{"item_id": req.ItemID, "n": n})
}

func goodLogged(c echo.Context) error {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		log.Printf("billing: %v", err)
		return c.JSON(http.StatusBadGateway, echo.Map{"error": "billing unavailable"})
	}
	return nil
}

func goodSentinel(c echo.Context) error {
	err := reserve(c.Param("id"))
	if errors.Is(err, ErrSoldOut) {
		return echo.NewHTTPError(http.StatusConflict, err.Error())
	}
	return err
}

func reserve(id string) error {
	resp, err := client.Get("http://inventory.internal/reserve/" + id)
	if err != nil {
		return fmt.Errorf("inventory: %w", err)
	}
	resp.Body.Close()
	return nil
}

func goodSuccessBody(c echo.Context) error {
	resp, err := client.Get("http://catalog.internal/items")
	if err != nil {
		return echo.ErrBadGateway
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		body, _ := io.ReadAll(resp.Body)
		return c.JSONBlob(http.StatusOK, body)
	}
	return echo.ErrBadGateway
}
