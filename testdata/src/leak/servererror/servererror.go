// Package servererror: the text of an error of unknown origin sent with
// a server-error status is a leak; with a client-error status it is
// left alone, and so are errors that are provably our own fixed text or
// about the client's own input.
package servererror

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"example.com/respond"
	"example.com/users"

	"leak/servererror/helpers"
)

type orders interface {
	ByUser(ctx context.Context, id string) ([]string, error)
}

type handler struct {
	orders orders
	repo   users.Repository
	load   func(ctx context.Context, id string) (string, error)
}

var ErrNotFound = errors.New("not found")

// An interface method, a function value, a function of another package
// without facts: the origin is unknown, the 500 decides.
func (h *handler) interfaceMethod(w http.ResponseWriter, r *http.Request) {
	list, err := h.orders.ByUser(r.Context(), r.URL.Query().Get("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `error text of err is sent with status 500; internal errors carry details of our dependencies: log it and send a generic message`
		return
	}
	json.NewEncoder(w).Encode(list)
}

func (h *handler) funcValue(w http.ResponseWriter, r *http.Request) {
	name, err := h.load(r.Context(), "1")
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		json.NewEncoder(w).Encode(map[string]string{"error": "load: " + err.Error()}) // want `error text of err is sent with status 502`
		return
	}
	fmt.Fprint(w, name)
}

func (h *handler) otherPackage(w http.ResponseWriter, r *http.Request) {
	u, err := users.Load(r.Context(), h.repo, "1")
	if err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "cannot load: %v", err) // want `error text of err is sent with status 503`
		return
	}
	fmt.Fprint(w, u.Name)
}

// The same errors with a client-error status: meant for the caller.
func (h *handler) clientStatuses(w http.ResponseWriter, r *http.Request) {
	if _, err := h.orders.ByUser(r.Context(), "1"); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if _, err := h.load(r.Context(), "1"); err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	if _, err := users.Load(r.Context(), h.repo, "1"); err != nil {
		w.WriteHeader(http.StatusUnprocessableEntity)
		fmt.Fprint(w, err)
	}
}

// A status that is not a server error on every path is not known to be one.
func (h *handler) mixedStatus(w http.ResponseWriter, r *http.Request) {
	_, err := h.orders.ByUser(r.Context(), "1")
	if err != nil {
		code := http.StatusInternalServerError
		if errors.Is(err, context.Canceled) {
			code = http.StatusRequestTimeout
		}
		http.Error(w, err.Error(), code)
	}
}

// An error put into a response map is named by the map it is in.
func (h *handler) payloadMap(w http.ResponseWriter, r *http.Request) {
	resp := map[string]any{"ok": false}
	if _, err := h.orders.ByUser(r.Context(), "1"); err != nil {
		resp["error"] = err
		writeJSON(w, http.StatusInternalServerError, resp) // want `error text in resp is sent with status 500 by writeJSON`
	}
}

// Our own fixed text: a sentinel, a constant error, a constant message.
func (h *handler) fixedText(w http.ResponseWriter, r *http.Request) {
	_, err := h.orders.ByUser(r.Context(), "1")
	if errors.Is(err, ErrNotFound) {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if err != nil {
		http.Error(w, ErrNotFound.Error(), http.StatusInternalServerError)
		return
	}
	errBusy := errors.New("busy")
	http.Error(w, errBusy.Error(), http.StatusServiceUnavailable)
	http.Error(w, fmt.Errorf("busy, retry in %d s", 10).Error(), http.StatusServiceUnavailable)
	http.Error(w, "internal error", http.StatusInternalServerError)
	http.Error(w, codeErr{}.Error(), http.StatusInternalServerError)
}

// codeErr is our own error type with fixed text.
type codeErr struct{}

func (codeErr) Error() string { return "temporarily unavailable" }

// A sentinel wrapped with anything else is not fixed text.
func (h *handler) wrapped(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	_, err := h.orders.ByUser(r.Context(), id)
	if err != nil {
		err = fmt.Errorf("load %s: %w", id, err)
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `error text of err is sent with status 500`
	}
	if err != nil {
		http.Error(w, fmt.Errorf("%w: %v", ErrNotFound, err).Error(), http.StatusInternalServerError) // want `error text of fmt.Errorf`
	}
}

// Errors about the client's own input stay silent at any status.
func clientInput(w http.ResponseWriter, r *http.Request) {
	var req struct{ N int }
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	n, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil {
		http.Error(w, "bad n: "+err.Error(), http.StatusInternalServerError)
		return
	}
	if _, err := io.ReadAll(r.Body); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // reading the request body
		return
	}
	if err := decode(r, &req); err != nil {
		http.Error(w, fmt.Errorf("invalid body: %w", err).Error(), http.StatusInternalServerError)
		return
	}
	fmt.Fprint(w, n)
}

// A write to the client that failed: its text cannot reach the client.
func writeFailed(w http.ResponseWriter, r *http.Request) {
	if _, err := w.Write([]byte("hello")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if _, err := io.Copy(w, r.Body); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if _, err := fmt.Fprintf(w, "%d", 1); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// decode is our own decoding helper: its errors are the client's.
func decode(r *http.Request, v any) error {
	if r.Body == nil {
		return errors.New("empty body")
	}
	return json.NewDecoder(r.Body).Decode(v)
}

// Decoding an upstream's answer is not the client's input, even where the
// call was made with the request's context.
func decodeUpstream(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://users.internal/me", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		http.Error(w, "upstream failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	var v map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `error text of err is sent with status 500`
	}
}

// Decoding something that is not the request proves nothing.
func decodeOther(w http.ResponseWriter, data []byte) {
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `error text of err is sent with status 500`
	}
}

// A helper of this package that sends its error parameter with a 500 of
// its own: one finding, in the helper; its callers are not reported.
func serverError(w http.ResponseWriter, err error) {
	http.Error(w, err.Error(), http.StatusInternalServerError) // want `error text of err is sent with status 500`
}

// A helper that takes a message: the caller chose to send the error's text.
func internalMessage(w http.ResponseWriter, msg string) {
	http.Error(w, msg, http.StatusInternalServerError)
}

// A helper that takes the status from its caller.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (h *handler) helpers(w http.ResponseWriter, r *http.Request) {
	if _, err := h.orders.ByUser(r.Context(), "1"); err != nil {
		serverError(w, err)
		return
	}
	if _, err := h.load(r.Context(), "1"); err != nil {
		internalMessage(w, err.Error()) // want `error text of err is sent with status 500 by internalMessage`
		return
	}
	if _, err := h.load(r.Context(), "2"); err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()}) // want `error text of err is sent with status 500 by writeJSON`
		return
	}
	if _, err := h.load(r.Context(), "3"); err != nil {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": err.Error()})
		return
	}
	if _, err := users.Load(r.Context(), h.repo, "1"); err != nil {
		helpers.ServerError(w, err) // reported in the helper, a package of this module
		return
	}
	if _, err := users.Load(r.Context(), h.repo, "2"); err != nil {
		respond.InternalError(w, err) // want `error text of err is sent with status 500 by InternalError`
		return
	}
	if _, err := users.Load(r.Context(), h.repo, "3"); err != nil {
		helpers.Respond(w, http.StatusInternalServerError, err) // the helper drops the text for 5xx
		return
	}
	if _, err := users.Load(r.Context(), h.repo, "4"); err != nil {
		helpers.Respond(w, http.StatusBadRequest, err)
	}
}

// An HTTPError keeps the error in its embedded field, which encoders do
// not write (unexported), and sends only its description.
type httpError struct {
	error
	Stack       string `json:"-"`
	StatusCode  int    `json:"statusCode"`
	Description string `json:"description"`
}

func failJSON(w http.ResponseWriter, status int, err error, desc string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(httpError{err, "", status, desc})
}

func (h *handler) embeddedError(w http.ResponseWriter, r *http.Request) {
	if _, err := h.orders.ByUser(r.Context(), r.URL.Query().Get("id")); err != nil {
		failJSON(w, http.StatusInternalServerError, err, "could not save")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *handler) embeddedErrorDirect(w http.ResponseWriter, r *http.Request) {
	if _, err := h.orders.ByUser(r.Context(), r.URL.Query().Get("id")); err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		_ = json.NewEncoder(w).Encode(httpError{err, err.Error(), 500, "could not list"})
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// The description is written: the error's text in it is sent.
func (h *handler) embeddedErrorDescribed(w http.ResponseWriter, r *http.Request) {
	if _, err := h.orders.ByUser(r.Context(), r.URL.Query().Get("id")); err != nil {
		failJSON(w, http.StatusInternalServerError, err, err.Error()) // want `error text of err is sent with status 500 by failJSON`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// apiError is our error type; encoders write its fields (Method and Path
// are json:"-"), not its Error text.
type apiError struct {
	Code    int    `json:"code"`
	Method  string `json:"-"`
	Message string `json:"message"`
}

func (e apiError) Error() string { return e.Method + ": " + e.Message }

func newAPIError(code int, method string) apiError {
	return apiError{Code: code, Method: method, Message: http.StatusText(code)}
}

func writeInternal(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusInternalServerError)
	_ = json.NewEncoder(w).Encode(newAPIError(http.StatusInternalServerError, r.Method))
}

// Printed, its Error text is sent.
func printInternal(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusInternalServerError)
	fmt.Fprint(w, newAPIError(http.StatusInternalServerError, r.Method)) // want `error text of newAPIError`
}
