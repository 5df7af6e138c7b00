package debugonly

import (
	"errors"
	"fmt"
	"net/http"
)

// ErrIgnoreEvent is our own error type: errors.Is with a fresh value of
// it tests the error's type (through its Is method), as a sentinel does.
type ErrIgnoreEvent struct{ Event string }

func (e *ErrIgnoreEvent) Error() string { return "ignored event " + e.Event }

func (*ErrIgnoreEvent) Is(target error) bool {
	_, ok := target.(*ErrIgnoreEvent)
	return ok
}

func parseHook(r *http.Request) error {
	if _, err := db.Exec("INSERT INTO hooks VALUES ($1)", r.FormValue("id")); err != nil {
		return fmt.Errorf("store hook: %w", err)
	}
	return &ErrIgnoreEvent{Event: r.FormValue("event")}
}

func hook(w http.ResponseWriter, r *http.Request) {
	if err := parseHook(r); err != nil {
		if errors.Is(err, &ErrIgnoreEvent{}) {
			fmt.Fprintf(w, "skipped: %s", err)
			return
		}
		http.Error(w, "hook failed: "+err.Error(), http.StatusBadRequest) // want `dependency error "hook failed: " \+ err.Error\(\) is sent to the client`
	}
}

// ValidationError is our own error type; a value asserted to it is ours,
// whatever else the call it came from may return.
type ValidationError struct{ Message string }

func (v ValidationError) Error() string { return v.Message }

func createAccount(r *http.Request) error {
	if r.FormValue("name") == "" {
		return ValidationError{Message: "name is required"}
	}
	_, err := db.Exec("INSERT INTO accounts VALUES ($1)", r.FormValue("name"))
	return err
}

func accounts(w http.ResponseWriter, r *http.Request) {
	err := createAccount(r)
	if verr, ok := err.(ValidationError); ok {
		http.Error(w, verr.Error(), http.StatusBadRequest)
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway) // want `dependency error err.Error\(\) is sent to the client`
	}
}

// The same guard, with the text formatted first and converted.
func hookFormatted(w http.ResponseWriter, r *http.Request) {
	if err := parseHook(r); err != nil {
		if errors.Is(err, &ErrIgnoreEvent{}) {
			msg := fmt.Sprintf("forge driver: %s", err)
			w.Write([]byte(msg))
			return
		}
		http.Error(w, "hook failed", http.StatusBadRequest)
	}
}
