// Package debugonly shows an error's details only in a debug mode: an
// explicit decision to keep them out of production answers.
package debugonly

import (
	"database/sql"
	"net/http"

	"github.com/gin-gonic/gin"
)

var db *sql.DB

type Response struct {
	Code  int    `json:"code"`
	Msg   string `json:"msg"`
	Error string `json:"error,omitempty"`
}

// failure attaches the error only outside gin's release mode.
func failure(err error) Response {
	res := Response{Code: 500, Msg: "internal error"}
	if err != nil && gin.Mode() != gin.ReleaseMode {
		res.Error = err.Error()
	}
	return res
}

func ginHandler(c *gin.Context) {
	if _, err := db.Exec("DELETE FROM sessions"); err != nil {
		c.JSON(http.StatusInternalServerError, failure(err))
		return
	}
	c.Status(http.StatusNoContent)
}

type pages struct{ debug bool }

// message shows the details when the operator turned debugging on.
func (p *pages) message(appError string) string {
	if p.debug {
		return appError
	}
	return "Something went wrong"
}

func (p *pages) handler(w http.ResponseWriter, r *http.Request) {
	if _, err := db.Exec("DELETE FROM sessions"); err != nil {
		http.Error(w, p.message(err.Error()), http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

var showDetails = false

func direct(w http.ResponseWriter, r *http.Request) {
	if _, err := db.Exec("DELETE FROM sessions"); err != nil {
		if gin.IsDebugging() {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// A switch whose name says nothing of debugging is not one: reported.
func notDebug(w http.ResponseWriter, r *http.Request, verbose bool) {
	if _, err := db.Exec("DELETE FROM sessions"); err != nil {
		if verbose {
			http.Error(w, err.Error(), http.StatusBadGateway) // want `dependency error err.Error\(\) is sent to the client`
			return
		}
		http.Error(w, "internal error", http.StatusBadGateway)
	}
}

var _ = showDetails
