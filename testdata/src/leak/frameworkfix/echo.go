package frameworkfix

import (
	"log"
	"net/http"

	"github.com/labstack/echo/v4"
)

func badEchoHTTPError(c echo.Context) error {
	_, err := client.Get("http://billing.internal/charge")
	if err != nil {
		log.Printf("billing: %v", err)
		return echo.NewHTTPError(http.StatusBadGateway, "billing: "+err.Error()) // want `dependency error "billing: " \+ err.Error\(\) is sent`
	}
	return nil
}
