// Package payload decodes and validates request payloads through their
// own Validate method (portainer's request.DecodeAndValidateJSONPayload):
// one implementation fetches the repository the client names, so the
// whole program's union of the implementations holds an HTTP client's
// error; what Validate returns is about the client's input all the same.
package payload

import (
	"encoding/json"
	"net/http"
)

type Validation interface {
	Validate(r *http.Request) error
}

func DecodeAndValidate(r *http.Request, v Validation) error {
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		return err
	}
	return v.Validate(r)
}

type Repo struct{ URL string }

func (p *Repo) Validate(r *http.Request) error {
	resp, err := http.Get(p.URL + "/index.yaml")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type Name struct{ Name string }

func (p *Name) Validate(r *http.Request) error { return nil }

// AddName answers the client's invalid payload with 400 and the reason:
// silent.
func AddName(w http.ResponseWriter, r *http.Request) {
	var p Name
	if err := DecodeAndValidate(r, &p); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// AddRepo the same.
func AddRepo(w http.ResponseWriter, r *http.Request) {
	var p Repo
	if err := DecodeAndValidate(r, &p); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}
