// Package textreport reproduces a false positive seen in a real example
// service: a plain-text handler writes a report line by line; when one
// lookup fails it writes a line saying so and carries on with the default
// value, writing the rest of the report. The response is not error-only:
// the error line is one line of a longer body (a partial success in plain
// text). Only a write after which nothing else is written can be the
// whole body.
package textreport

import (
	"fmt"
	"net/http"
)

var client = &http.Client{}

func flagEnabled(name string) (bool, error) {
	resp, err := client.Get("http://flags.internal/v1/flags/" + name)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

func report(w http.ResponseWriter, r *http.Request) {
	enabled, err := flagEnabled("new-admin")
	if err != nil {
		fmt.Fprintf(w, "something went wrong when getting the flag, using the default\n") // silent: more lines follow
	}
	if enabled {
		fmt.Fprintf(w, "the new admin is enabled\n")
	} else {
		fmt.Fprintf(w, "the new admin is disabled\n")
	}
	fmt.Fprintf(w, "report generated\n")
}

// --- still reported ---

func onlyError(w http.ResponseWriter, r *http.Request) {
	enabled, err := flagEnabled("new-admin")
	if err != nil {
		fmt.Fprintf(w, "failed to read the flag\n") // want `error text "failed to read the flag\\n" is sent with status 200`
		return
	}
	fmt.Fprintf(w, "enabled: %v\n", enabled)
}
