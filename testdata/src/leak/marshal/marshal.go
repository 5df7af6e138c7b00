// Package marshal: json.Marshal of a value whose type cannot fail to
// encode (booleans, integers, strings, and structs, slices, arrays and
// maps of those) returns a nil error, so sending its text with 500 sends
// nothing of a dependency (weaviate's json.Marshal of a struct with one
// bool, of [2]uint64 digests). A float, an interface, a type with its
// own MarshalJSON or a recursive type may fail: the server-error rule
// holds there.
package marshal

import (
	"encoding/json"
	"net/http"
	"time"
)

type ready struct {
	Ready   bool   `json:"ready"`
	Node    string `json:"node"`
	Digests [2]uint64
	Tags    map[string][]int
	secret  func() // unexported: not encoded
	Err     error  `json:"-"`
}

func status(w http.ResponseWriter, r *http.Request) {
	b, err := json.Marshal(ready{Ready: true})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // cannot happen: silent
		return
	}
	w.Write(b)
}

type stats struct {
	Load float64 // NaN fails
}

func load(w http.ResponseWriter, r *http.Request) {
	b, err := json.Marshal(stats{Load: 0.5})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `error text of err is sent with status 500`
		return
	}
	w.Write(b)
}

type node struct {
	Name     string
	Children []node // a value may hold a cycle
	At       time.Time
}

func tree(w http.ResponseWriter, r *http.Request) {
	b, err := json.MarshalIndent(&node{Name: "root"}, "", "  ")
	if err != nil {
		http.Error(w, "encode: "+err.Error(), http.StatusInternalServerError) // want `error text of err is sent with status 500`
		return
	}
	w.Write(b)
}
