package deps

import (
	"net/http"

	"example.com/kv"
)

var cache = &kv.Client{Addr: "10.0.3.7:6379"}

func badConfiguredDependency(w http.ResponseWriter, r *http.Request) {
	v, err := cache.Get(r.Context(), "session")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `dependency error err.Error\(\) is sent`
		return
	}
	w.Write([]byte(v))
}
