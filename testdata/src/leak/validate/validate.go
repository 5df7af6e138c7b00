// Package validate: handlers decode the request's payload and validate it
// through a helper that calls the payload's Validate method through an
// interface (portainer's request.DecodeAndValidateJSONPayload(r,
// &payload)). Whatever the implementations do (one fetches the repository
// URL the client gave), the error is about the client's input. A call of
// a known implementation is analysed as any call.
package validate

import (
	"encoding/json"
	"errors"
	"net/http"
)

type payloadValidation interface {
	Validate(r *http.Request) error
}

func decodeAndValidate(r *http.Request, v payloadValidation) error {
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		return err
	}
	return v.Validate(r)
}

type repoPayload struct{ URL string }

// Validate fetches the index of the repository the client named.
func (p *repoPayload) Validate(r *http.Request) error {
	resp, err := http.Get(p.URL + "/index.yaml")
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

// Fetch is not a validation: its error is the dependency's.
func (p *repoPayload) Fetch() error {
	resp, err := http.Get(p.URL + "/charts")
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

type namePayload struct{ Name string }

func (p *namePayload) Validate(r *http.Request) error {
	if p.Name == "" {
		return errors.New("name is required")
	}
	return nil
}

func addRepo(w http.ResponseWriter, r *http.Request) {
	var payload repoPayload
	if err := decodeAndValidate(r, &payload); err != nil {
		http.Error(w, "invalid payload: "+err.Error(), http.StatusBadRequest) // the client's input
		return
	}
	if err := payload.Validate(r); err != nil {
		// a known implementation, analysed as any call: its HTTP client's
		// error (gophish's ur.Validate looks the user up in its database)
		http.Error(w, err.Error(), http.StatusBadRequest) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	if err := payload.Fetch(); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func addName(w http.ResponseWriter, r *http.Request) {
	var payload namePayload
	if err := decodeAndValidate(r, &payload); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}
