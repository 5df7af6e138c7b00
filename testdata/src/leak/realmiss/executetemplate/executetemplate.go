// Package executetemplate: a miss seen on a real storefront: the error
// page is a named template executed into the writer with
// ExecuteTemplate (Execute was modelled, ExecuteTemplate was not).
package executetemplate

import (
	"fmt"
	"html/template"
	"net/http"
)

var templates = template.Must(template.New("error").Parse(`{{define "error"}}{{.error}}{{end}}`))

var client = &http.Client{}

func renderError(w http.ResponseWriter, r *http.Request, err error, code int) {
	w.WriteHeader(code)
	templates.ExecuteTemplate(w, "error", map[string]any{
		"error":       fmt.Sprintf("%+v", err),
		"status_code": code,
	})
}

func cartPage(w http.ResponseWriter, r *http.Request) {
	resp, err := client.Get("http://cart.internal/v1/cart")
	if err != nil {
		renderError(w, r, err, http.StatusInternalServerError) // want `dependency error err is sent to the client by renderError`
		return
	}
	defer resp.Body.Close()
	templates.ExecuteTemplate(w, "cart", nil)
}
